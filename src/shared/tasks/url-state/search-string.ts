/**
 * The query string of every URL the board writes, without its `?`: form
 * encoding (a space is `+`, `&`, `#`, `%`, `+` and non-ASCII are escaped), but
 * `:` and `,` left as they are, so a shared link reads like what it means
 * (`priority=high,urgent&sort=dueDate:asc`). Both mean the same escaped or
 * not, so every parser reads the link the same way; escaping them is only
 * `URLSearchParams`' habit.
 */
export function formatSearchString(params: URLSearchParams): string {
  // `%3A` and `%2C` can only stand for `:` and `,` here: a literal `%` is written `%25`.
  return params.toString().replace(/%3A/gi, ':').replace(/%2C/gi, ',')
}

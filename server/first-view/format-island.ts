import type { DehydratedState } from '@tanstack/react-query'
import { FIRST_VIEW_ELEMENT_ID, type RenderedScreen } from '../../src/features/tasks/api/first-view-handover.ts'

/**
 * `<` would let a title such as `</script>` or `<!--` end or bend the
 * element, and U+2028/U+2029 end lines in older JavaScript parsers: each is
 * written as its JSON escape, which JSON.parse reads back unchanged. JSON has
 * `<` only inside strings, so nothing else changes.
 */
const UNSAFE_IN_SCRIPT = /[<\u2028\u2029]/g

/**
 * The first view's answer as a data island: a `<script type="application/json">`
 * is never executed (so `script-src 'self'` allows it), and the browser keeps
 * its text exactly as written. `bodyJson` is the minimised answer, already JSON;
 * `rateLimited` the API's 429 to it; `queries` the other answers the first screen shows, dehydrated; `screen`
 * says what a first screen rendered from it assumed.
 */
export function formatFirstViewIsland(
  request: string,
  totalCount: string | null,
  bodyJson: string,
  {
    screen,
    queries,
    rateLimited,
  }: { screen?: RenderedScreen; queries?: DehydratedState | null; rateLimited?: { retryAfterMs: number | null } } = {},
): string {
  const limited = rateLimited ? `,"rateLimited":${JSON.stringify(rateLimited)}` : ''
  const dehydrated = queries ? `,"queries":${JSON.stringify(queries)}` : ''
  const rendered = screen === undefined ? '' : `,"screen":${JSON.stringify(screen)}`
  const json = `{"request":${JSON.stringify(request)},"totalCount":${JSON.stringify(totalCount)},"body":${bodyJson}${limited}${dehydrated}${rendered}}`
  const safe = json.replace(UNSAFE_IN_SCRIPT, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
  return `<script type="application/json" id="${FIRST_VIEW_ELEMENT_ID}">${safe}</script>`
}

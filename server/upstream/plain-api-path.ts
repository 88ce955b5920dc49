/**
 * Whether a path can go upstream exactly as written: segments of letters,
 * digits, `_` and `-` only. No `%` (an upstream that decodes `%2F` would
 * walk to another endpoint), no `\`, no dot segments, no empty segment
 * (`//x` reads as an authority) except a final trailing slash.
 */
export function isPlainApiPath(path: string): boolean {
  return /^(\/[A-Za-z0-9_-]+)*\/?$/.test(path) && path.startsWith('/')
}

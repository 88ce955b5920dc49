/**
 * The read endpoints the board uses, relative to the API base. Everything
 * else is refused by the app server, whatever the upstream would allow.
 */
const ALLOWED_API_PATHS: readonly RegExp[] = [
  /^\/tasks\/?$/,
  /^\/tasks\/[^/]+$/,
  /^\/taskTypes\/?$/,
  /^\/users\/?$/,
  /^\/users\/self$/,
  /^\/customers\/?$/,
]

export function isAllowedApiPath(path: string): boolean {
  return ALLOWED_API_PATHS.some((pattern) => pattern.test(path))
}

/** User objects carry personal data; these paths answer with users and are filtered. */
export function isUserPath(path: string): boolean {
  return /^\/users\/?$/.test(path) || path === '/users/self'
}

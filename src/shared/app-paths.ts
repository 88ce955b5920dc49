/** Same-origin prefix the app server answers for the tasks API (proxy or demo). */
export const API_PREFIX = '/api'

/** The app server's own endpoints (figures, sessions, saved views) sit beside the API prefix, never forwarded upstream. */
export const APP_PREFIX = '/app'

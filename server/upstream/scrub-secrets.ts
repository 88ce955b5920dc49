/** `<id>:<secret>` keys and bearer tokens, as an upstream might echo them in a message. */
const KEY_LIKE = /\b[A-Za-z0-9._~+/=-]{3,}:[A-Za-z0-9._~+/=-]{8,}/g
const BEARER = /\bbearer\s+[A-Za-z0-9._~+/=-]+/gi

/**
 * A message with the given keys, their halves and anything shaped like a
 * key replaced by `[redacted]`: an upstream that answers "Invalid API key
 * <id>:<secret>" must not show the server's key to the browser.
 */
export function scrubSecrets(message: string, keys: readonly (string | undefined)[]): string {
  let scrubbed = message
  for (const key of keys) {
    if (!key) continue
    const parts = [key, ...key.split(':')].filter((part) => part.length >= 4)
    for (const part of parts.sort((a, b) => b.length - a.length)) scrubbed = scrubbed.replaceAll(part, '[redacted]')
  }
  return scrubbed.replace(BEARER, 'Bearer [redacted]').replace(KEY_LIKE, '[redacted]')
}

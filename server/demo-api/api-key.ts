import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'

/**
 * Whether a request carries the key, as `x-API-Key: <key>` or
 * `Authorization: Bearer <key>` (the vendor accepts both). Compared in
 * constant time: a demo should not teach timing leaks.
 */
export function createApiKeyCheck(apiKey: string): (headers: IncomingHttpHeaders) => boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest()
  const expected = digest(apiKey)
  const matches = (value: string | undefined) => value !== undefined && timingSafeEqual(digest(value), expected)
  return (headers) => {
    const key = headers['x-api-key']
    const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1]
    return matches(typeof key === 'string' ? key.trim() : undefined) || matches(bearer?.trim())
  }
}

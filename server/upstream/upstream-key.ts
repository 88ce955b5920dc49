import { createHash } from 'node:crypto'

/**
 * Who is asking, as a cache key: a hash, so the key itself is kept nowhere
 * but in the request, and two companies (two keys) never share a figure.
 */
export function hashUpstreamKey(key: string | undefined): string {
  return createHash('sha256')
    .update(key ?? '')
    .digest('base64url')
    .slice(0, 22)
}

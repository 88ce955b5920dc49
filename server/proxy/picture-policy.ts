/**
 * Which picture URLs may reach the board: paths on the board's own origin
 * and absolute http(s) URLs on the given origins. Identifiers (the API
 * allows them in `profilePicture`), other schemes and other hosts are no
 * picture; the board shows initials. Pictures are never fetched by the
 * server: that would let the data make it call any address.
 */
export function createPicturePolicy(allowedOrigins: readonly string[]): (url: string) => boolean {
  const origins = new Set(allowedOrigins)
  return (url) => {
    if (url.startsWith('/')) return !url.startsWith('//') && !url.includes('\\')
    try {
      const parsed = new URL(url)
      return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && origins.has(parsed.origin)
    } catch {
      return false
    }
  }
}

/**
 * Origins from `AVATAR_HOSTS` entries: an origin as given, a bare host name
 * as https. Throws on an entry that is neither.
 */
export function parsePictureOrigin(entry: string): string {
  const withScheme = /^https?:\/\//i.test(entry) ? entry : `https://${entry}`
  const url = new URL(withScheme)
  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search) {
    throw new Error(`${entry} is not a host or origin`)
  }
  return url.origin
}

import { useCallback, useState } from 'react'

const FALLBACK_COLOURS = [
  '#1f6feb',
  '#8250df',
  '#bf3989',
  '#cf222e',
  '#bc4c00',
  '#1a7f37',
  '#0969da',
  '#6e40c9',
  '#9a6700',
  '#116329',
]

/**
 * A picture is used only when it is an http(s) URL or a same-origin path:
 * the API also allows an identifier there, and no other scheme (data:,
 * javascript:) may become an image source.
 */
export function safeImageSource(picture: string | null | undefined): string | null {
  if (!picture) return null
  const value = picture.trim()
  if (value.startsWith('/') && !value.startsWith('//')) return value
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null
  } catch {
    return null
  }
}

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words.slice(0, 1)
  return letters.map((word) => Array.from(word)[0]!.toLocaleUpperCase()).join('') || '?'
}

/** The same name always gets the same colour. */
export function colourOf(key: string): string {
  let hash = 0
  for (const char of key) hash = (hash * 31 + char.codePointAt(0)!) | 0
  return FALLBACK_COLOURS[Math.abs(hash) % FALLBACK_COLOURS.length]!
}

/**
 * Initials, with the picture laid over them once it has loaded: a picture
 * that fails, even before the scripts run (when no error handler is there
 * to see it), leaves the initials, never the browser's broken-image icon.
 * Without scripts the initials are what shows.
 */
export function Avatar({ name, picture, size = 24 }: { name: string; picture: string | null; size?: number }) {
  const source = safeImageSource(picture)
  const [loaded, setLoaded] = useState<string | null>(null)
  // A picture that loaded before the board took the server's markup over fired its load event unheard.
  const seeLoaded = useCallback(
    (image: HTMLImageElement | null) => {
      if (source && image?.complete && image.naturalWidth > 0) setLoaded(source)
    },
    [source],
  )
  return (
    <span
      className="avatar"
      style={{ width: size, height: size, fontSize: Math.round(size * 0.42), backgroundColor: colourOf(name) }}
      aria-hidden="true"
    >
      {initialsOf(name)}
      {source && (
        <img
          ref={seeLoaded}
          className={loaded === source ? 'avatar__picture avatar__picture--loaded' : 'avatar__picture'}
          src={source}
          alt=""
          width={size}
          height={size}
          loading="lazy"
          decoding="async"
          referrerPolicy="no-referrer"
          onLoad={() => setLoaded(source)}
        />
      )}
    </span>
  )
}

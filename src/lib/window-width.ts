import { useSyncExternalStore } from 'react'
import type { WindowWidth } from '../shared/display-cookie.ts'
import { useRenderEnvironment } from './render-environment.tsx'

/*
 * The board's three layouts by window width. The CSS media queries in
 * styles.css use the same two limits (max-width 1099px and 759px): change
 * both together.
 */
export type { WindowWidth } from '../shared/display-cookie.ts'

const NARROW_QUERY = '(max-width: 1099px)'
const PHONE_QUERY = '(max-width: 759px)'

function matches(query: string): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(query).matches
}

export function currentWindowWidth(): WindowWidth {
  return matches(PHONE_QUERY) ? 'phone' : matches(NARROW_QUERY) ? 'narrow' : 'wide'
}

function subscribe(listener: () => void): () => void {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => {}
  const lists = [window.matchMedia(NARROW_QUERY), window.matchMedia(PHONE_QUERY)]
  lists.forEach((list) => list.addEventListener('change', listener))
  return () => lists.forEach((list) => list.removeEventListener('change', listener))
}

/** Which layout the window's width asks for; re-renders only when it crosses a limit. */
export function useWindowWidth(): WindowWidth {
  // A render on the server (and React taking it over) lays out for the width the browser last had.
  const { windowWidth } = useRenderEnvironment()
  return useSyncExternalStore(subscribe, currentWindowWidth, () => windowWidth ?? 'wide')
}

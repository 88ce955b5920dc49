import { useSyncExternalStore } from 'react'

export interface LazyModule<T> {
  /** Starts loading (once); resolves with the module. A failed load may be tried again. */
  load: () => Promise<T>
  /** The module once loaded, else undefined; re-renders the caller when it arrives. */
  useLoaded: () => T | undefined
}

/**
 * A module kept out of the first download and fetched when it is first
 * needed, or earlier when the page is idle. Unlike `React.lazy`, callers can
 * render their own stand-in (e.g. the same-looking button) instead of
 * suspending, so nothing on screen waits for it.
 */
export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let value: T | undefined
  let pending: Promise<T> | undefined
  const listeners = new Set<() => void>()
  const subscribe = (listener: () => void) => {
    listeners.add(listener)
    return () => void listeners.delete(listener)
  }
  const load = () =>
    (pending ??= importer().then(
      (module) => {
        value = module
        for (const listener of listeners) listener()
        return module
      },
      (error: unknown) => {
        pending = undefined
        throw error
      },
    ))
  return {
    load,
    useLoaded: () =>
      useSyncExternalStore(
        subscribe,
        () => value,
        // The server renders every stand-in; so does the browser while it takes that markup over.
        () => undefined,
      ),
  }
}

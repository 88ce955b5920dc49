import { useEffect, useState, useSyncExternalStore } from 'react'
import { whenIdle } from '../when-idle.ts'

/** Code kept out of the first download: `deferredPart(() => import('./x.tsx'))`, the one way the app splits its code. */
export interface DeferredPart<T> {
  /** Starts fetching (once); resolves with the module. A failed fetch may be tried again. */
  load: () => Promise<T>
  /** The module once fetched, else undefined; renders the caller again when it arrives. */
  useLoaded: () => T | undefined
}

/**
 * A module fetched when it is first wanted, or earlier when the page is idle.
 * Unlike `React.lazy`, nothing suspends: the caller renders its own stand-in
 * (often the same-looking button) until the module is there, so nothing on
 * screen waits for it, and a failed fetch is the caller's to word.
 */
export function deferredPart<T>(importer: () => Promise<T>): DeferredPart<T> {
  let value: T | undefined
  let pending: Promise<T> | undefined
  const listeners = new Set<() => void>()
  const subscribe = (listener: () => void) => {
    listeners.add(listener)
    return () => void listeners.delete(listener)
  }
  // A browser keeps a module whose fetch failed as failed for the page's life: a retry asks for the same code
  // under another address (the one the failure named, with a query), so coming back online brings the part.
  let failedUrl: string | undefined
  let attempt = 0
  const load = () =>
    (pending ??= (
      failedUrl ? (import(/* @vite-ignore */ `${failedUrl}?retry=${attempt}`) as Promise<T>) : importer()
    ).then(
      (module) => {
        value = module
        for (const listener of listeners) listener()
        return module
      },
      (error: unknown) => {
        pending = undefined
        attempt += 1
        failedUrl = /\b(https?:\/\/\S+?\.[cm]?[jt]sx?)\b/.exec(String(error))?.[1] ?? failedUrl
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

/** Fetches the parts once the page is idle; returns a cancel. A failed fetch waits for the part's first use. */
export function preloadWhenIdle(parts: readonly DeferredPart<unknown>[]): () => void {
  return whenIdle(() => {
    for (const part of parts) part.load().catch(() => {})
  })
}

/**
 * Parts fetched ahead of use once `ready` (typically: the first rows are on
 * screen) and the page is idle, so nothing the first rows need waits for them.
 */
export function usePreloadWhenIdle(parts: readonly DeferredPart<unknown>[], ready: boolean): void {
  useEffect(() => (ready ? preloadWhenIdle(parts) : undefined), [parts, ready])
}

/**
 * A part fetched as soon as it is wanted (each new `want` tries again).
 * `error` says its code could not be fetched — offline since the page loaded —
 * so the caller can say so rather than show nothing.
 */
export function useDeferredPart<T>(
  part: DeferredPart<T>,
  want: string | boolean | undefined,
  onError?: () => void,
): { loaded: T | undefined; error: Error | null } {
  const loaded = part.useLoaded()
  const [error, setError] = useState<Error | null>(null)
  useEffect(() => {
    if (want === undefined || want === false) return
    part.load().then(
      () => setError(null),
      (reason: unknown) => {
        setError(reason instanceof Error ? reason : new Error(String(reason)))
        onError?.()
      },
    )
  }, [part, want, onError])
  return { loaded, error }
}

import { useEffect } from 'react'
import { signOutPart } from './views-parts.ts'

/**
 * Who is signed in, and the way out, fetched once the first rows are there
 * (`ready`): it shows only with a personal key, after the session has been
 * asked for, so nothing the first rows need waits for it.
 */
export function LazySignOut({ ready }: { ready: boolean }) {
  const loaded = signOutPart.useLoaded()
  useEffect(() => {
    // Offline, it is asked for again with the next page load; the board works without it.
    if (ready) signOutPart.load().catch(() => {})
  }, [ready])
  const SignOutButton = loaded?.SignOutButton
  return SignOutButton ? <SignOutButton /> : null
}

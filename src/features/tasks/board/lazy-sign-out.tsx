import { useEffect } from 'react'
import { whenIdle } from '../../../lib/when-idle.ts'
import { signOutPart } from './views-parts.ts'

/**
 * Who is signed in, and the way out, fetched once the first rows are there
 * (`ready`) and the page is idle: it shows only with a personal key, after
 * the session has been asked for, so nothing the first rows need waits for it.
 */
export function LazySignOut({ ready }: { ready: boolean }) {
  const loaded = signOutPart.useLoaded()
  useEffect(
    // Offline, it is asked for again with the next page load; the board works without it.
    () => (ready ? whenIdle(() => void signOutPart.load().catch(() => {})) : undefined),
    [ready],
  )
  const SignOutButton = loaded?.SignOutButton
  return SignOutButton ? <SignOutButton /> : null
}

import { usePreloadWhenIdle } from '../../../lib/deferred/deferred-part.ts'
import { signOutPart } from './deferred-parts.ts'

// Offline, it is asked for again with the next page load; the board works without it.
const SIGN_OUT = [signOutPart]

/**
 * Who is signed in, and the way out, fetched once the first rows are there
 * (`ready`) and the page is idle: it shows only with a personal key, after
 * the session has been asked for, so nothing the first rows need waits for it.
 */
export function LazySignOut({ ready }: { ready: boolean }) {
  usePreloadWhenIdle(SIGN_OUT, ready)
  const loaded = signOutPart.useLoaded()
  const SignOutButton = loaded?.SignOutButton
  return SignOutButton ? <SignOutButton /> : null
}

import { useSyncExternalStore } from 'react'

/*
 * Team views are locked: the server refuses a change of one unless the
 * request says `unlock`. The board sends it only for views the user unlocked
 * here with an explicit act, kept for this page (a reload locks them again).
 */
let unlocked: ReadonlySet<string> = new Set()
const listeners = new Set<() => void>()

function setUnlocked(next: ReadonlySet<string>) {
  unlocked = next
  for (const listener of listeners) listener()
}

export function unlockView(id: string): void {
  setUnlocked(new Set(unlocked).add(id))
}

export function lockView(id: string): void {
  const next = new Set(unlocked)
  next.delete(id)
  setUnlocked(next)
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Whether the user may change this view now: a personal view always, a team view once unlocked. */
export function useMayChange(view: { id: string; scope: 'personal' | 'team' }): boolean {
  const ids = useSyncExternalStore(
    subscribe,
    () => unlocked,
    () => unlocked,
  )
  return view.scope === 'personal' || ids.has(view.id)
}

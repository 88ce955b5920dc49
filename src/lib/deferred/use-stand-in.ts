import { useCallback, useEffect, useState } from 'react'
import type { DeferredPart } from './deferred-part.ts'

/** What the stand-in control does with the pointer, the keyboard and the focus. */
export interface StandInHandlers {
  onPointerEnter: () => void
  onPointerDown: () => void
  onPointerLeave: () => void
  onPointerCancel: () => void
  onClick: () => void
  onFocus: () => void
  onBlur: () => void
}

export interface StandIn<T> {
  /** The part, once it is there and may replace its stand-in; until then render the stand-in with `handlers`. */
  loaded: T | undefined
  handlers: StandInHandlers
  /** For the real control when it replaces the stand-in: open if the stand-in was pressed, take the focus if it had it. */
  handoff: { defaultOpen: boolean; autoFocus: boolean }
  /** The part's code could not be fetched when it was asked to open; gone with the next press anywhere or Esc. */
  failed: boolean
}

/**
 * The control of a part whose code comes later (a menu, a listbox, a panel
 * behind a button): a same-looking stand-in until the code is there, then the
 * real control in its place, opened if the stand-in was pressed and focused if
 * it had the focus, so a keyboard user who tabbed there keeps their place.
 * Opening while the code is missing fetches it; a fetch that fails closes again
 * and says so through `failed`, and the next press tries again.
 *
 * `open` and `onOpenChange` make the opening the caller's (e.g. a shortcut
 * opens it too); without them the stand-in keeps its own. With `fetchOnIntent`
 * the code is fetched as soon as the pointer or the focus reaches the stand-in.
 */
export function useStandIn<T>(
  part: DeferredPart<T>,
  {
    open,
    onOpenChange,
    fetchOnIntent = false,
  }: { open?: boolean; onOpenChange?: (open: boolean) => void; fetchOnIntent?: boolean } = {},
): StandIn<T> {
  const loaded = part.useLoaded()
  const [ownOpen, setOwnOpen] = useState(false)
  const opened = open ?? ownOpen
  const setOpened = onOpenChange ?? setOwnOpen
  // Mid-press the stand-in stays, or the click would land on neither control.
  const [held, setHeld] = useState(false)
  // Read by the render that swaps the controls, so a blur from the stand-in's removal cannot undo it.
  const [focused, setFocused] = useState(false)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    if (!opened || loaded) return
    part.load().then(
      () => setFailed(false),
      () => {
        setFailed(true)
        setOpened(false)
      },
    )
  }, [part, opened, loaded, setOpened])

  // The word on a failed fetch goes with the next press anywhere or Esc, as the open part would.
  useEffect(() => {
    if (!failed) return
    const dismiss = (event: Event) => {
      if (!(event instanceof KeyboardEvent) || event.key === 'Escape') setFailed(false)
    }
    document.addEventListener('pointerdown', dismiss)
    document.addEventListener('keydown', dismiss)
    return () => {
      document.removeEventListener('pointerdown', dismiss)
      document.removeEventListener('keydown', dismiss)
    }
  }, [failed])

  const fetchEarly = useCallback(() => {
    if (fetchOnIntent) part.load().catch(() => {})
  }, [part, fetchOnIntent])
  const release = useCallback(() => setHeld(false), [])
  const handlers: StandInHandlers = {
    onPointerEnter: fetchEarly,
    onPointerDown: useCallback(() => setHeld(true), []),
    onPointerLeave: release,
    onPointerCancel: release,
    onClick: useCallback(() => {
      setHeld(false)
      setFailed(false)
      setOpened(true)
    }, [setOpened]),
    onFocus: useCallback(() => {
      setFocused(true)
      fetchEarly()
    }, [fetchEarly]),
    onBlur: useCallback(() => setFocused(false), []),
  }
  return {
    loaded: held ? undefined : loaded,
    handlers,
    handoff: { defaultOpen: opened, autoFocus: opened || focused },
    failed,
  }
}

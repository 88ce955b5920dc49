import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useI18n } from '../../../lib/i18n/i18n.tsx'
import { viewsMenuPart } from './views-parts.ts'
import './lazy-views-menu.css'

interface ViewsMenuProps {
  currentQuery: string
  open: boolean
  onOpenChange: (open: boolean) => void
}

const warmUp = () => void viewsMenuPart.load().catch(() => {})

/**
 * The saved views' button, with the panel's code fetched on first use. Until
 * it has arrived a same-looking button stands in; pressing it (or `v`) opens
 * the panel as soon as the code is there, and a keyboard user on the stand-in
 * keeps the focus when the real button replaces it. A fetch that fails says
 * so where the panel would open; the next press tries again.
 */
export function LazyViewsMenu({ currentQuery, open, onOpenChange }: ViewsMenuProps) {
  const { t } = useI18n()
  const loaded = viewsMenuPart.useLoaded()
  const [failed, setFailed] = useState(false)
  // Mid-press the stand-in stays, or the click would land on neither button.
  const [held, setHeld] = useState(false)
  // Read by the render that swaps the buttons, so a blur from the stand-in's removal cannot undo it.
  const [focused, setFocused] = useState(false)
  const slot = useRef<HTMLSpanElement>(null)

  // The note goes with the next press anywhere or Esc, as the panel would.
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

  useEffect(() => {
    if (!open || loaded) return
    viewsMenuPart.load().then(
      () => setFailed(false),
      () => {
        setFailed(true)
        onOpenChange(false)
      },
    )
  }, [open, loaded, onOpenChange])

  const Menu = held ? undefined : loaded?.ViewsMenu
  const shown = Menu !== undefined
  const handOver = shown && focused
  useLayoutEffect(() => {
    if (handOver) slot.current?.querySelector('button')?.focus()
  }, [handOver])
  const release = useCallback(() => setHeld(false), [])

  return (
    // `display: contents`: the slot only marks where the button is, for the focus hand-over.
    <span ref={slot} className="views-slot">
      {Menu ? (
        <Menu currentQuery={currentQuery} open={open} onOpenChange={onOpenChange} />
      ) : (
        <div className="views-menu">
          <button
            type="button"
            className="button button--quiet"
            aria-expanded={false}
            aria-keyshortcuts="v"
            aria-busy={open || undefined}
            onPointerEnter={warmUp}
            onPointerDown={() => setHeld(true)}
            onPointerLeave={release}
            onPointerCancel={release}
            onFocus={() => {
              setFocused(true)
              warmUp()
            }}
            onBlur={() => setFocused(false)}
            onClick={() => {
              setHeld(false)
              setFailed(false)
              onOpenChange(true)
            }}
          >
            {t.views.button}
          </button>
          {/* Where the panel would open, over the rows rather than pushing the toolbar apart. */}
          {failed && (
            <p className="views-menu__panel views-slot__error" role="alert">
              {t.lazyParts.viewsFailed}
            </p>
          )}
        </div>
      )}
    </span>
  )
}

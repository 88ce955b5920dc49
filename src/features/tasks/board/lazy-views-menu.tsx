import { useI18n } from '../../../lib/i18n/i18n.tsx'
import { useStandIn } from '../../../lib/deferred/use-stand-in.ts'
import { viewsMenuPart } from './deferred-parts.ts'
import './lazy-views-menu.css'

interface ViewsMenuProps {
  currentQuery: string
  open: boolean
  onOpenChange: (open: boolean) => void
}

/**
 * The saved views' button, with the panel's code fetched on first use (or as
 * soon as the pointer or focus reaches the button). Until it has arrived a
 * same-looking button stands in; pressing it (or `v`) opens the panel as soon
 * as the code is there. A fetch that fails says so where the panel would
 * open; the next press tries again.
 */
export function LazyViewsMenu({ currentQuery, open, onOpenChange }: ViewsMenuProps) {
  const { t } = useI18n()
  const { loaded, handlers, handoff, failed } = useStandIn(viewsMenuPart, { open, onOpenChange, fetchOnIntent: true })
  if (loaded)
    return (
      <loaded.ViewsMenu
        currentQuery={currentQuery}
        open={open}
        onOpenChange={onOpenChange}
        focusOnMount={handoff.autoFocus}
      />
    )
  return (
    <div className="views-menu">
      <button
        type="button"
        className="button button--quiet"
        aria-expanded={false}
        aria-keyshortcuts="v"
        aria-busy={open || undefined}
        {...handlers}
      >
        {t.board.views}
      </button>
      {/* Where the panel would open, over the rows rather than pushing the toolbar apart. */}
      {failed && (
        <p className="views-menu__panel views-menu__load-error" role="alert">
          {t.lazyParts.viewsFailed}
        </p>
      )}
    </div>
  )
}

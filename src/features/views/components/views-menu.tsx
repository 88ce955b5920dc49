import { useEffect, useEffectEvent, useId, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import { Deferred } from '../../../lib/deferred/deferred.tsx'
import { deferredPart } from '../../../lib/deferred/deferred-part.ts'
import { useViewI18n } from '../words/view-words.ts'
import { boardHrefKeeping } from '../../../shared/tasks/url-state/paths.ts'
import { useSession } from '../api/session-queries.ts'
import { type SavedView, useViews } from '../api/saved-views.ts'
import type { CountText } from '../../tasks/presenters/count-text.ts'
import { applySavedView } from '../open-saved-view.ts'
import { useViewCounts } from '../use-view-counts.ts'
import { useChangesSince } from '../changes-since-look.ts'
import { isInOwnEscape } from './own-escape.ts'
import { SaveViewForm } from './save-view-form.tsx'
import type { ViewNotice } from './view-notice.tsx'
import './views.css'
import { appFailureInWords } from '../view-failure.ts'

const NO_VIEWS: readonly SavedView[] = []

// What is done with a view loads when the menu first opens, not before the board's first rows.
const viewActions = deferredPart(() => import('./view-actions.tsx'))
const viewNotice = deferredPart(() => import('./view-notice.tsx'))
const viewsTrash = deferredPart(() => import('./views-trash.tsx'))

/**
 * The saved views: a button (and the `v` shortcut) opens a panel with a
 * filter field; arrow keys move through the personal and team views and
 * Enter opens one. Opening a view is navigating to its URL, nothing more.
 */
export function ViewsMenu({
  currentQuery,
  open,
  onOpenChange,
  focusOnMount = false,
}: {
  currentQuery: string
  open: boolean
  onOpenChange: (open: boolean) => void
  /** Take the focus when first rendered: it replaces a stand-in that had it. */
  focusOnMount?: boolean
}) {
  const { t } = useViewI18n()
  const id = useId()
  const navigate = useNavigate()
  const session = useSession()
  const views = useViews({ enabled: open && session.data?.signedIn === true })
  const counts = useViewCounts(views.data?.views ?? NO_VIEWS, open)
  const looked = useMemo(
    () =>
      (views.data?.views ?? NO_VIEWS).flatMap((view) =>
        view.lookedAt ? [{ id: view.id, query: view.query, since: view.lookedAt }] : [],
      ),
    [views.data],
  )
  const changes = useChangesSince(looked, open)
  const [filter, setFilter] = useState('')
  // By id, not position: a rename re-sorts the list, and its actions must stay with the view.
  const [activeId, setActiveId] = useState<string | null>(null)
  const [notice, setNotice] = useState<{ key: number; notice: ViewNotice } | null>(null)
  const showNotice = (next: ViewNotice) => setNotice({ key: (notice?.key ?? 0) + 1, notice: next })
  const button = useRef<HTMLButtonElement>(null)
  const input = useRef<HTMLInputElement>(null)
  const root = useRef<HTMLDivElement>(null)
  const [focusFirst] = useState(focusOnMount)
  useLayoutEffect(() => {
    if (focusFirst) button.current?.focus()
  }, [focusFirst])
  const onEscape = useEffectEvent(() => close())
  const onOutside = useEffectEvent(() => onOpenChange(false))

  useEffect(() => {
    if (!open) return
    input.current?.focus()
    // While open, Esc closes the menu first (focus may have left it, e.g. from a button that turned disabled),
    // unless it is pressed in a part that closes itself on Esc: that part closes, the menu stays.
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape' || isInOwnEscape(event.target)) return
      event.preventDefault()
      event.stopPropagation()
      onEscape()
    }
    // A press outside closes it too, leaving focus where the press put it.
    function onPointerDown(event: PointerEvent) {
      if (!root.current?.contains(event.target as Node)) onOutside()
    }
    document.addEventListener('keydown', onKeyDown, { capture: true })
    document.addEventListener('pointerdown', onPointerDown)
    return () => {
      document.removeEventListener('keydown', onKeyDown, { capture: true })
      document.removeEventListener('pointerdown', onPointerDown)
    }
  }, [open])

  const needle = filter.trim().toLocaleLowerCase()
  const shown = (views.data?.views ?? []).filter((view) => view.name.toLocaleLowerCase().includes(needle))
  const groups = [
    { scope: 'personal', label: t.views.personal, views: shown.filter((view) => view.scope === 'personal') },
    { scope: 'team', label: t.views.team, views: shown.filter((view) => view.scope === 'team') },
  ] as const
  const ordered = groups.flatMap((group) => group.views)
  const activeView = ordered.find((view) => view.id === activeId) ?? ordered[0]
  const defaultViewId = views.data?.defaultViewId ?? null

  function close() {
    onOpenChange(false)
    setFilter('')
    setNotice(null)
    button.current?.focus()
  }

  function openView(view: SavedView) {
    applySavedView(view)
    onOpenChange(false)
    setFilter('')
    setNotice(null)
    void navigate(boardHrefKeeping(view.query))
  }

  return (
    <div className="views-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="button button--quiet"
        aria-expanded={open}
        aria-controls={open ? `${id}-panel` : undefined}
        aria-keyshortcuts="v"
        onClick={() => (open ? close() : onOpenChange(true))}
      >
        {t.board.views}
      </button>
      {open && (
        <div id={`${id}-panel`} className="views-menu__panel" role="dialog" aria-label={t.views.title}>
          <label htmlFor={`${id}-filter`} className="views-menu__label">
            {t.views.filter}
          </label>
          <input
            ref={input}
            id={`${id}-filter`}
            className="search__input"
            role="combobox"
            aria-expanded="true"
            aria-controls={`${id}-list`}
            aria-autocomplete="list"
            aria-activedescendant={activeView ? `${id}-${activeView.id}` : undefined}
            value={filter}
            onChange={(event) => {
              setFilter(event.target.value)
              setActiveId(null)
            }}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                event.preventDefault()
                const step = event.key === 'ArrowDown' ? 1 : -1
                const index = activeView ? ordered.indexOf(activeView) : 0
                setActiveId(ordered[Math.max(0, Math.min(ordered.length - 1, index + step))]?.id ?? null)
              } else if (event.key === 'Enter' && activeView) {
                event.preventDefault()
                openView(activeView)
              }
            }}
          />
          {views.isError && (
            <p className="views-menu__error" role="alert">
              {t.views.unavailable} {appFailureInWords(views.error, t)}
            </p>
          )}
          {views.isPending && session.data?.signedIn && <p className="views-menu__note">{t.views.loading}</p>}
          <div id={`${id}-list`} role="listbox" aria-label={t.views.title} className="views-menu__list">
            {groups.map((group) => (
              <div key={group.scope} role="group" aria-label={group.label}>
                <div className="views-menu__group" aria-hidden="true">
                  {group.label}
                </div>
                {group.views.length === 0 && views.isSuccess && (
                  <div className="views-menu__note" aria-hidden="true">
                    {t.views.none}
                  </div>
                )}
                {group.views.map((view) => (
                  <div
                    key={view.id}
                    id={`${id}-${view.id}`}
                    role="option"
                    tabIndex={-1}
                    aria-selected={view === activeView}
                    aria-current={view.query === currentQuery ? 'true' : undefined}
                    className="views-menu__option"
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => openView(view)}
                    onKeyDown={() => undefined}
                  >
                    <span className="views-menu__name">{view.name}</span>
                    {/* A word in the option's name, so a screen reader says it too; the dot is only for the eye. */}
                    {view.id === defaultViewId && (
                      <span className="views-menu__current">
                        <span aria-hidden="true">· </span>
                        {t.views.isDefault}
                      </span>
                    )}
                    {view.query === currentQuery && <span className="views-menu__current">{t.views.current}</span>}
                    <ViewCount count={counts.get(view.id)} />
                    {/* Since the person last opened it: a reason to open it again. */}
                    {changes.has(view.id) && <span className="views-menu__changes">{changes.get(view.id)}</span>}
                    {/* For the pointer what arrows do for the keyboard: this view's actions below, without opening it. */}
                    <span
                      className="views-menu__more"
                      aria-hidden="true"
                      title={t.viewActions.choose}
                      onClick={(event) => {
                        event.stopPropagation()
                        setActiveId(view.id)
                      }}
                    >
                      ⋯
                    </span>
                  </div>
                ))}
              </div>
            ))}
          </div>
          {activeView && (
            <Deferred part={viewActions}>
              {({ ViewActions }) => <ViewActions key={activeView.id} view={activeView} onNotice={showNotice} />}
            </Deferred>
          )}
          {notice && (
            <Deferred part={viewNotice}>
              {({ ViewNoticeLine }) => <ViewNoticeLine key={notice.key} notice={notice.notice} />}
            </Deferred>
          )}
          <Deferred part={viewsTrash}>
            {({ ViewsTrash }) => (
              <ViewsTrash
                enabled={session.data?.signedIn === true}
                onRestored={(name) => showNotice({ text: t.viewActions.restored(name) })}
              />
            )}
          </Deferred>
          <SaveViewForm query={currentQuery} disabled={session.data?.signedIn !== true} />
        </div>
      )}
    </div>
  )
}

/** A view's count as the tabs show theirs: the figure on screen, its words for a screen reader. */
function ViewCount({ count }: { count: CountText | undefined }) {
  if (!count) return null
  return (
    <>
      <span
        className={count.approximate ? 'views-menu__count views-menu__count--approximate' : 'views-menu__count'}
        aria-hidden="true"
      >
        {count.shown}
      </span>
      <span className="visually-hidden">{count.spoken}</span>
    </>
  )
}

import { useRef, useState } from 'react'
import { useViewI18n } from '../words/view-words.ts'
import { staleCurrent, useDeleteView, useDuplicateView, useTakeCurrentView } from '../api/view-changes.ts'
import type { SavedView } from '../api/saved-views.ts'
import { lockView, unlockView, useMayChange } from '../unlocked-views.ts'
import { describeViewFailure } from '../view-failure.ts'
import { RenameViewForm } from './rename-view-form.tsx'
import { StaleViewChoice } from './stale-view-choice.tsx'
import { ViewHistoryList } from './view-history-list.tsx'
import type { ViewNotice } from './view-notice.tsx'
import './view-actions.css'

/**
 * What can be done with the view highlighted in the menu: rename,
 * duplicate, delete (to the trash) and its history. A team view is locked:
 * its changing actions appear only after "Unlock to edit".
 */
export function ViewActions({ view, onNotice }: { view: SavedView; onNotice: (notice: ViewNotice) => void }) {
  const { t } = useViewI18n()
  const mayChange = useMayChange(view)
  const [shown, setShown] = useState<'rename' | 'history' | null>(null)
  const duplicate = useDuplicateView()
  const remove = useDeleteView()
  const takeCurrent = useTakeCurrentView()
  const staleDelete = staleCurrent(remove.error)
  const toggle = (part: 'rename' | 'history') => setShown(shown === part ? null : part)
  const renameButton = useRef<HTMLButtonElement>(null)

  return (
    <div className="view-actions" role="group" aria-label={t.viewActions.actionsFor(view.name)}>
      <p className="view-actions__title">
        <span className="views-menu__name">{view.name}</span>
      </p>
      {view.scope === 'team' && (
        <p className="view-actions__lock">
          <span>{mayChange ? t.viewActions.unlocked : t.viewActions.locked}</span>
          <button
            type="button"
            className={mayChange ? 'button button--quiet' : 'button'}
            onClick={() => (mayChange ? lockView(view.id) : unlockView(view.id))}
          >
            {mayChange ? t.viewActions.lock : t.viewActions.unlock}
          </button>
        </p>
      )}
      <div className="view-actions__buttons">
        {mayChange && (
          <button
            ref={renameButton}
            type="button"
            className="button"
            aria-expanded={shown === 'rename'}
            onClick={() => toggle('rename')}
          >
            {t.viewActions.rename}
          </button>
        )}
        <button
          type="button"
          className="button"
          disabled={duplicate.isPending}
          onClick={() =>
            duplicate.mutate(view.id, { onSuccess: (copy) => onNotice({ text: t.viewActions.duplicated(copy.name) }) })
          }
        >
          {t.viewActions.duplicate}
        </button>
        {mayChange && (
          <button
            type="button"
            className="button"
            disabled={remove.isPending}
            onClick={() =>
              remove.mutate(
                { id: view.id, change: { version: view.version, unlock: view.scope === 'team' } },
                {
                  onSuccess: () =>
                    onNotice({ text: t.viewActions.deleted(view.name), deleted: { id: view.id, name: view.name } }),
                },
              )
            }
          >
            {t.viewActions.delete}
          </button>
        )}
        <button type="button" className="button" aria-expanded={shown === 'history'} onClick={() => toggle('history')}>
          {t.viewActions.history}
        </button>
      </div>
      {shown === 'rename' && mayChange && (
        <RenameViewForm
          view={view}
          onDone={() => setShown(null)}
          // A rename given up returns to where it was begun.
          onCancel={() => {
            setShown(null)
            renameButton.current?.focus()
          }}
        />
      )}
      {shown === 'history' && (
        <ViewHistoryList
          view={view}
          mayChange={mayChange}
          onRestored={(version) => onNotice({ text: t.viewActions.restoredVersion(version) })}
        />
      )}
      {duplicate.isError && (
        <p className="views-menu__error" role="alert">
          {describeViewFailure(duplicate.error, t)}
        </p>
      )}
      {remove.isError && !staleDelete && (
        <p className="views-menu__error" role="alert">
          {describeViewFailure(remove.error, t)}
        </p>
      )}
      {/* A deletion has no edit to keep: reloading shows what the colleague saved, and deleting again is one press. */}
      {staleDelete && (
        <StaleViewChoice
          current={staleDelete}
          onReload={() => {
            takeCurrent(staleDelete)
            remove.reset()
          }}
        />
      )}
    </div>
  )
}

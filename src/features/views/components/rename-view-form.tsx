import { useEffect, useId, useRef, useState } from 'react'
import { useViewI18n } from '../words/view-words.ts'
import { staleCurrent, useTakeCurrentView, useUpdateView } from '../api/view-changes.ts'
import type { SavedView } from '../api/saved-views.ts'
import { describeViewFailure } from '../view-failure.ts'
import { closesOnEscape } from './own-escape.ts'
import { SaveViewForm } from './save-view-form.tsx'
import { StaleViewChoice } from './stale-view-choice.tsx'

/**
 * A new name for a view. What was typed stays through every refusal (name
 * taken, locked, stale, store down) until the user saves or cancels, with
 * Cancel or Esc (which closes only this form, not the menu around it).
 */
export function RenameViewForm({
  view,
  onDone,
  onCancel,
}: {
  view: SavedView
  onDone: () => void
  onCancel: () => void
}) {
  const { t } = useViewI18n()
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [name, setName] = useState(view.name)
  // The version the rename was begun on: a colleague's save meanwhile is refused (409), not overwritten,
  // until the user has seen it and chosen Reload.
  const [version, setVersion] = useState(view.version)
  const [missing, setMissing] = useState(false)
  const [savingAsNew, setSavingAsNew] = useState(false)
  const update = useUpdateView()
  const takeCurrent = useTakeCurrentView()
  const stale = staleCurrent(update.error)
  const escape = closesOnEscape(onCancel)
  const problem = missing
    ? t.viewActions.nameNeeded
    : update.isError && !stale
      ? describeViewFailure(update.error, t)
      : null

  // Rename was just pressed: the name is there to be typed over.
  useEffect(() => {
    input.current?.focus()
    input.current?.select()
  }, [])

  return (
    <>
      <form
        className="view-actions__form"
        aria-label={t.viewActions.rename}
        onSubmit={(event) => {
          event.preventDefault()
          const trimmed = name.trim()
          setMissing(trimmed === '')
          if (trimmed === '') return
          update.mutate(
            { id: view.id, edit: { version, name: trimmed, unlock: view.scope === 'team' } },
            { onSuccess: onDone },
          )
        }}
      >
        <label htmlFor={`${id}-name`}>{t.viewActions.newName}</label>
        <input
          ref={input}
          id={`${id}-name`}
          className="search__input"
          maxLength={80}
          value={name}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(event) => setName(event.target.value)}
          {...escape}
        />
        <span className="view-actions__buttons">
          <button type="submit" className="button" disabled={update.isPending} {...escape}>
            {t.viewActions.saveName}
          </button>
          <button type="button" className="button button--quiet" onClick={onCancel} {...escape}>
            {t.viewActions.cancel}
          </button>
        </span>
        {problem && (
          <p id={`${id}-problem`} className="views-menu__error" role="alert">
            {problem}
          </p>
        )}
        {stale && (
          <StaleViewChoice
            current={stale}
            onReload={() => {
              takeCurrent(stale)
              setVersion(stale.version)
              update.reset()
            }}
            onSaveAsNew={() => setSavingAsNew(true)}
          />
        )}
      </form>
      {savingAsNew && <SaveViewForm query={view.query} initialName={name.trim()} disabled={false} />}
    </>
  )
}

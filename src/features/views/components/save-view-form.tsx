import { useId, useState } from 'react'
import { useViewI18n } from '../words/view-words.ts'
import { useColumnPrefs } from '../../tasks/table/column-prefs.ts'
import { useCreateView } from '../api/view-changes.ts'
import type { SavedView } from '../api/saved-views.ts'
import { rememberOpenedView } from '../opened-view.ts'
import './view-links.css'
import { appFailureInWords } from '../view-failure.ts'

/**
 * Saves the board's current query under a name; a failed save keeps what was
 * typed and says why. Optionally the view carries the columns shown, their
 * widths and the density too.
 */
export function SaveViewForm({
  query,
  disabled,
  initialName = '',
}: {
  query: string
  disabled: boolean
  initialName?: string
}) {
  const { t } = useViewI18n()
  const id = useId()
  const [name, setName] = useState(initialName)
  const [scope, setScope] = useState<SavedView['scope']>('personal')
  const [includePrefs, setIncludePrefs] = useState(false)
  const { prefs } = useColumnPrefs()
  const create = useCreateView()
  return (
    <form
      className="views-menu__save"
      aria-label={t.views.save}
      onSubmit={(event) => {
        event.preventDefault()
        if (!name.trim()) return
        create.mutate(
          {
            name: name.trim(),
            query,
            scope,
            ...(includePrefs ? { columns: prefs.shown, widths: prefs.widths, density: prefs.density } : {}),
          },
          {
            onSuccess: (view) => {
              rememberOpenedView(view.id)
              setName('')
            },
          },
        )
      }}
    >
      <label htmlFor={`${id}-name`}>{t.views.name}</label>
      <input
        id={`${id}-name`}
        className="search__input"
        maxLength={80}
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <label htmlFor={`${id}-scope`}>{t.views.scope}</label>
      <select
        id={`${id}-scope`}
        className="select"
        value={scope}
        onChange={(event) => setScope(event.target.value === 'team' ? 'team' : 'personal')}
      >
        <option value="personal">{t.views.personal}</option>
        <option value="team">{t.views.team}</option>
      </select>
      <label className="views-menu__check">
        <input type="checkbox" checked={includePrefs} onChange={(event) => setIncludePrefs(event.target.checked)} />
        {t.viewLinks.includePrefs}
      </label>
      <button type="submit" className="button" disabled={disabled || create.isPending}>
        {t.views.save}
      </button>
      {create.isError && (
        <p className="views-menu__error" role="alert">
          {t.views.saveFailed} {appFailureInWords(create.error, t)}
        </p>
      )}
      {create.isSuccess && (
        <p className="views-menu__note" role="status">
          {t.views.saved}
        </p>
      )}
    </form>
  )
}

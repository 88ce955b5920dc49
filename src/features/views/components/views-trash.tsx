import { useId, useState } from 'react'
import { formatDateTime } from '../../../lib/format.ts'
import { useDateStyle } from '../../../lib/render-environment.tsx'
import { useViewI18n } from '../words/view-words.ts'
import { useTrash } from '../api/saved-views.ts'
import { useRestoreView } from '../api/view-changes.ts'
import { describeViewFailure } from '../view-failure.ts'

/** Deleted views, newest first, each restorable until the server purges it. Asked for only when opened. */
export function ViewsTrash({ enabled, onRestored }: { enabled: boolean; onRestored: (name: string) => void }) {
  const { t } = useViewI18n()
  const style = useDateStyle()
  const id = useId()
  const [open, setOpen] = useState(false)
  const trash = useTrash({ enabled: enabled && open })
  const restore = useRestoreView()
  const views = trash.data ?? []

  return (
    <div className="views-trash">
      <button
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={open ? `${id}-trash` : undefined}
        disabled={!enabled}
        onClick={() => setOpen(!open)}
      >
        {t.viewActions.trash}
      </button>
      {open && (
        <section id={`${id}-trash`} className="views-trash__section" aria-label={t.viewActions.trashTitle}>
          <p className="views-menu__note">{t.viewActions.trashTitle}</p>
          {trash.isPending && <p className="views-menu__note">{t.views.loading}</p>}
          {trash.isError && (
            <p className="views-menu__error" role="alert">
              {describeViewFailure(trash.error, t)}
            </p>
          )}
          {trash.isSuccess && views.length === 0 && <p className="views-menu__note">{t.viewActions.trashEmpty}</p>}
          {views.length > 0 && (
            <ul className="view-history__list">
              {views.map((view) => (
                <li key={view.id} className="view-history__entry">
                  <span className="view-history__what">
                    <span className="views-menu__name">{view.name}</span>
                    <span className="views-menu__note">
                      {view.scope === 'team' ? t.views.team : t.views.personal} ·{' '}
                      {t.viewActions.deletedAt(formatDateTime(Date.parse(view.deletedAt), style))}
                    </span>
                  </span>
                  <button
                    type="button"
                    className="button"
                    disabled={restore.isPending}
                    onClick={() => restore.mutate(view.id, { onSuccess: () => onRestored(view.name) })}
                  >
                    {t.viewActions.restore}
                    <span className="visually-hidden"> {view.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {restore.isError && (
            <p className="views-menu__error" role="alert">
              {describeViewFailure(restore.error, t)}
            </p>
          )}
        </section>
      )}
    </div>
  )
}

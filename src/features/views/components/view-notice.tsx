import { useEffect, useRef } from 'react'
import { useViewI18n } from '../words/view-words.ts'
import { useRestoreView } from '../api/view-changes.ts'
import { describeViewFailure } from '../view-failure.ts'

/** What the last action did; a deletion offers to undo it at once. */
export interface ViewNotice {
  text: string
  /** A view just moved to the trash: Undo restores it. */
  deleted?: { id: string; name: string }
}

/**
 * The last action's outcome, spoken politely. Undo takes the focus when it
 * appears: the deleted view's actions, where the focus was, are gone.
 */
export function ViewNoticeLine({ notice }: { notice: ViewNotice }) {
  const { t } = useViewI18n()
  const undoButton = useRef<HTMLButtonElement>(null)
  const status = useRef<HTMLParagraphElement>(null)
  const restore = useRestoreView()
  const deleted = notice.deleted

  useEffect(() => {
    undoButton.current?.focus()
  }, [notice])

  return (
    <div className="view-actions__notice">
      {/* Undo goes away once it has worked: the focus moves to the words saying so, not to the page. */}
      <p ref={status} tabIndex={-1} className="views-menu__note" role="status">
        {restore.isSuccess && deleted ? t.viewActions.restored(deleted.name) : notice.text}
      </p>
      {deleted && !restore.isSuccess && (
        <button
          ref={undoButton}
          type="button"
          className="button button--quiet"
          disabled={restore.isPending}
          onClick={() => restore.mutate(deleted.id, { onSuccess: () => status.current?.focus() })}
        >
          {t.viewActions.undo}
        </button>
      )}
      {restore.isError && (
        <p className="views-menu__error" role="alert">
          {describeViewFailure(restore.error, t)}
        </p>
      )}
    </div>
  )
}

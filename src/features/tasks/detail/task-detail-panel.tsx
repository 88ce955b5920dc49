import { Dialog } from '@ariakit/react'
import { useEffect, useMemo, useRef } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { ErrorBoundary, RenderErrorNotice } from '../../../components/ui/error-boundary.tsx'
import { isApiError } from '../../../shared/api-error.ts'
import { describeError } from '../../../lib/describe-error.ts'
import { useDetailI18n } from './words/detail-words.ts'
import { useTaskDetail } from '../api/use-task-detail.ts'
import { boardHrefKeeping, taskPath } from '../../../shared/tasks/url-state/paths.ts'
import { DetailHeader } from './detail-header.tsx'
import { TaskFields } from './task-fields.tsx'
import type { WriteOperation } from '../../../shared/tasks/api/task-change.ts'

/**
 * The task at /tasks/:taskId, as a side panel over the board. Closing it
 * returns to the board URL with the same view; when the board opened it,
 * closing is a step back in history, so Back and Close agree.
 */
export function TaskDetailPanel({ taskId }: { taskId: string }) {
  const { t } = useDetailI18n()
  const navigate = useNavigate()
  const location = useLocation()
  const state = location.state as { fromBoard?: boolean; edit?: WriteOperation } | null
  const openedFromBoard = state?.fromBoard === true

  // Once: the dialog may report a close twice (Esc, then the focus leaving it), and a second step back
  // would leave the board.
  const closed = useRef(false)
  function close() {
    if (closed.current) return
    closed.current = true
    if (openedFromBoard) void navigate(-1)
    else void navigate(boardHrefKeeping(location.search), { replace: true })
  }

  // Where the change a row asked for has no control here (a completed task, a field that cannot be read, a task
  // that did not load), the focus still comes into the dialog rather than stay behind it.
  const dialog = useRef<HTMLDivElement>(null)
  const edit = state?.edit
  useEffect(() => {
    if (!edit) return
    const frame = requestAnimationFrame(() => {
      const element = dialog.current
      // In the panel, or in a list it opened (those sit outside it, over the page).
      if (!element || document.activeElement?.closest('[role="dialog"], [role="listbox"], [role="menu"]')) return
      element.querySelector<HTMLElement>('button, a[href], input, select, [tabindex="0"]')?.focus()
    })
    return () => cancelAnimationFrame(frame)
  })

  // Focus goes back to the row's link the panel was opened from.
  const finalFocus = useMemo(
    () => ({
      get current() {
        return document.querySelector<HTMLElement>(`a[data-task-link][href^="${CSS.escape(taskPath(taskId))}"]`)
      },
    }),
    [taskId],
  )

  return (
    <Dialog
      open
      onClose={close}
      className="detail"
      backdrop={<div className="detail-backdrop" />}
      finalFocus={finalFocus}
      ref={dialog}
      // A change a row asked for focuses its own control (see task-editors.tsx); the dialog must not take it back.
      autoFocusOnShow={!state?.edit}
    >
      <ErrorBoundary
        fallback={(error, reset) => (
          <>
            <DetailHeader title={t.taskPanel.renderFailed} />
            <RenderErrorNotice what={t.detail.theTask} error={error} onRetry={reset} />
          </>
        )}
      >
        <TaskDetailBody taskId={taskId} edit={state?.edit} />
      </ErrorBoundary>
    </Dialog>
  )
}

/** `edit`: the change a row's shortcut asked for, whose control opens ready. */
function TaskDetailBody({ taskId, edit }: { taskId: string; edit: WriteOperation | undefined }) {
  const { t } = useDetailI18n()
  const detail = useTaskDetail(taskId)
  if (detail.isPending) {
    return (
      <>
        <DetailHeader title={t.taskPanel.loading} />
        <p className="muted" role="status">
          {t.pager.loading}
        </p>
      </>
    )
  }
  if (detail.isError) {
    const notFound = isApiError(detail.error) && (detail.error.status === 404 || detail.error.status === 400)
    const { title, detail: reason } = describeError(detail.error, t)
    return (
      <>
        <DetailHeader title={notFound ? t.taskPanel.notFound : t.taskPanel.failed} />
        <p role="alert">{notFound ? t.taskPanel.notFoundText : title}</p>
        {!notFound && reason && <p className="muted">{reason}</p>}
        {!notFound && (
          <button type="button" className="button" onClick={() => void detail.refetch()}>
            {t.errors.retry}
          </button>
        )}
      </>
    )
  }
  return <TaskFields task={detail.data} edit={edit} />
}

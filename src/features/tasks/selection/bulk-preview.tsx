import { Dialog, DialogHeading } from '@ariakit/react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { describeError } from '../../../lib/describe-error.ts'
import type { TaskJob } from '../../../shared/tasks/api/task-job.ts'
import { startTaskJob, taskJobQueries } from '../api/task-jobs-api.ts'
import type { BulkPlan } from './bulk-plan.ts'
import { useChangeWords } from './change-words.ts'
import { useSelectionI18n } from './words/selection-words.ts'

/** Before anything is written: how many tasks the change would change, and which it leaves alone and why. */
export function BulkPreview({
  plan,
  onClose,
  onStarted,
}: {
  plan: BulkPlan
  onClose: () => void
  onStarted: () => void
}) {
  const { t } = useSelectionI18n()
  const queryClient = useQueryClient()
  const words = t.selection
  const { change } = plan
  const { value, what } = useChangeWords()(change.field, change.field === 'complete' ? 'completed' : change.to)
  const total = plan.willChange.length + plan.already.length + plan.unreadable.length
  const start = useMutation({
    mutationFn: () => startTaskJob({ change, tasks: plan.willChange }),
    onSuccess: (job) => {
      queryClient.setQueryData(taskJobQueries.all(), (jobs: TaskJob[] | undefined) => [job, ...(jobs ?? [])])
      void queryClient.invalidateQueries({ queryKey: taskJobQueries.all() })
      onStarted()
    },
  })
  const problem = start.error ? describeError(start.error, t) : null
  return (
    <Dialog open onClose={onClose} className="dialog" backdrop={<div className="detail-backdrop" />} unmountOnHide>
      <DialogHeading className="dialog__title">{words.previewTitle(what, total)}</DialogHeading>
      <ul className="selection-preview">
        <li>{words.willChange(plan.willChange.length)}</li>
        {plan.already.length > 0 && (
          <li>
            {change.field === 'complete'
              ? words.alreadyDone(plan.already.length)
              : words.already(plan.already.length, value)}
          </li>
        )}
        {plan.unreadable.length > 0 && <li>{words.unreadable(plan.unreadable.length)}</li>}
      </ul>
      {change.field === 'complete' && <p>{words.noMail}</p>}
      {plan.willChange.length > 0 && <p className="muted">{words.guard}</p>}
      {problem && (
        <p role="alert" className="selection-preview__problem">
          {words.startFailed} {problem.title}
        </p>
      )}
      <div className="dialog__actions">
        {plan.willChange.length > 0 ? (
          <button type="button" className="button" disabled={start.isPending} onClick={() => start.mutate()}>
            {words.go(plan.willChange.length)}
          </button>
        ) : (
          <p>{words.nothing}</p>
        )}
        <button type="button" className="button button--quiet" onClick={onClose}>
          {plan.willChange.length > 0 ? words.cancel : words.close}
        </button>
      </div>
    </Dialog>
  )
}

import { useMemo } from 'react'
import { useTaskTypes, useTasks } from '../api/use-tasks.ts'
import { TasksTable } from '../table/tasks-table.tsx'
import { TaskTypesContext } from '../table/task-types-context.ts'
import { toTaskListQuery } from '../url-state/board-query.ts'
import { DEFAULT_BOARD } from '../url-state/board-state.ts'
import { describeError } from './describe-error.ts'

export function BoardPage() {
  const board = DEFAULT_BOARD
  const query = useMemo(() => toTaskListQuery(board), [board])
  const tasks = useTasks(query)
  const types = useTaskTypes()
  const typesById = useMemo(() => new Map((types.data ?? []).map((type) => [type._id, type])), [types.data])

  const page = tasks.data
  const firstRow = query.offset + 1
  return (
    <main className="board">
      <header className="board__header">
        <h1>Tasks</h1>
      </header>
      {tasks.isError && <ErrorNotice error={tasks.error} onRetry={() => void tasks.refetch()} />}
      {page && page.skipped.count > 0 && (
        <p className="notice notice--warning" role="status">
          {page.skipped.count === 1 ? '1 task could not be shown.' : `${page.skipped.count} tasks could not be shown.`}
        </p>
      )}
      {page ? (
        <>
          <TaskTypesContext value={typesById}>
            <TasksTable tasks={page.tasks} busy={tasks.isFetching} />
          </TaskTypesContext>
          {page.tasks.length === 0 ? (
            <p className="empty">No tasks match this view.</p>
          ) : (
            <p className="pager" aria-live="polite">
              Rows {firstRow}–{query.offset + page.tasks.length}
            </p>
          )}
        </>
      ) : (
        tasks.isPending && (
          <p className="loading" role="status">
            Loading tasks…
          </p>
        )
      )}
    </main>
  )
}

function ErrorNotice({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { title, detail } = describeError(error)
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{title}</p>
      {detail && <p className="notice__detail">{detail}</p>}
      <button type="button" className="button" onClick={onRetry}>
        Retry
      </button>
    </div>
  )
}

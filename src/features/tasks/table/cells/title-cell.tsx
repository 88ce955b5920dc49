import { Link, useLocation } from 'react-router'
import type { Task } from '../../../../shared/tasks/api/schemas.ts'
import { isUnreadable } from '../../../../shared/tasks/api/unreadable.ts'
import { UnreadableValue } from '../../presenters/unreadable-value.tsx'
import { taskHref } from '../../../../shared/tasks/url-state/paths.ts'

/** The title links to the task's detail, keeping the view around it: the keyboard and screen-reader path to it. */
export function TitleCell({ task }: { task: Task }) {
  const { search } = useLocation()
  return (
    <Link
      className="title"
      to={taskHref(task._id, new URLSearchParams(search))}
      state={{ fromBoard: true }}
      data-task-link
    >
      {isUnreadable(task.title) ? <UnreadableValue value={task.title} /> : (task.title ?? '—')}
    </Link>
  )
}

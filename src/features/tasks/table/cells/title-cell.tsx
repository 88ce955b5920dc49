import { Link, useLocation } from 'react-router'
import type { Task } from '../../api/schemas.ts'
import { taskHref } from '../../url-state/paths.ts'

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
      {task.title ?? '—'}
    </Link>
  )
}

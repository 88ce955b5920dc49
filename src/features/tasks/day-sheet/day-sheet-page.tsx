import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { Link, useLocation } from 'react-router'
import { apiGet } from '../../../lib/api-client.ts'
import { printPage } from '../../../lib/page-address.ts'
import { browserTimeZone, formatDateTime, formatTime } from '../../../lib/format.ts'
import { useDateStyle, useRenderEnvironment } from '../../../lib/render-environment.tsx'
import { toWireParams } from '../../../shared/tasks/api/list-query.ts'
import type { Task, TaskType } from '../../../shared/tasks/api/schemas.ts'
import { isUnreadable, type Unreadable } from '../../../shared/tasks/api/unreadable.ts'
import { priorityInfo } from '../../../shared/tasks/catalog.ts'
import { formatIdentifier } from '../../../shared/tasks/task-text.ts'
import { ACTIVE_STATUSES } from '../../../shared/tasks/url-state/board-state.ts'
import { ME } from '../../../shared/tasks/url-state/board-filters.ts'
import { BOARD_PATH, daySheetHref } from '../../../shared/tasks/url-state/paths.ts'
import { readTaskPage } from '../api/tasks-api.ts'
import { useSelf, useTaskTypes, useUsers } from '../api/use-lookups.ts'
import { groupByDay, parseDaySheetSearch, sheetDays, type DaySheetAsk } from './day-sheet-range.ts'
import { useDaySheetI18n } from './words/day-sheet-words.ts'
import './day-sheet.css'

/** Pages read at most for one sheet: a technician's active tasks, soonest due first, until past the sheet. */
const MAX_PAGES = 5
const PAGE_SIZE = 1000

async function readSheetTasks(userId: string, end: number, signal: AbortSignal): Promise<Task[]> {
  const tasks: Task[] = []
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query = {
      limit: PAGE_SIZE,
      offset: page * PAGE_SIZE,
      sort: { by: 'dueDate', direction: 1 } as const,
      taskStatus: ACTIVE_STATUSES,
      userIds: [userId],
    }
    const { tasks: read } = readTaskPage(await apiGet('/tasks/', toWireParams(query), { signal }), {})
    tasks.push(...read)
    const last = read.at(-1)?.dueDate
    if (read.length === 0 || (last != null && last >= end)) break
  }
  return tasks
}

/**
 * `/day-sheet?assignee=…&from=…&days=1|7`: one technician's active tasks for
 * a day or a week, by day and time, with what they need at the door
 * (customer and object, contact and phone, priority) and room for notes;
 * made to be printed (`@media print`: the sheet alone, no task split over
 * two pages).
 */
export function DaySheetPage() {
  const { t, locale } = useDaySheetI18n()
  const words = t.daySheet
  const { search } = useLocation()
  const ask = useMemo(() => parseDaySheetSearch(new URLSearchParams(search)), [search])
  const environment = useRenderEnvironment()
  const timeZone = environment.timeZone ?? browserTimeZone()
  const style = useDateStyle()
  const self = useSelf({ enabled: ask?.assignee === ME })
  const userId = ask?.assignee === ME ? (self.data?.id ?? null) : (ask?.assignee ?? null)
  const users = useUsers()
  const types = useTaskTypes()
  const now = environment.now()
  const range = ask ? sheetDays(ask, now, timeZone) : null
  const tasks = useQuery({
    queryKey: ['day-sheet', userId, range?.end] as const,
    queryFn: ({ signal }) => readSheetTasks(userId!, range!.end, signal),
    enabled: userId !== null && range !== null,
  })
  if (!ask || !range) {
    return (
      <main className="page-message">
        <p>{words.badLink}</p>
        <Link to={BOARD_PATH}>{words.back}</Link>
      </main>
    )
  }
  const person =
    ask.assignee === ME ? self.data : users.data?.find((user) => user.id.toLowerCase() === userId?.toLowerCase())
  const name = person?.name ?? words.unknown
  const typeById = new Map((types.data ?? []).map((type) => [type._id, type]))
  const dayName = (day: string) =>
    new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
      Date.parse(`${day}T12:00Z`),
    )
  const groups = tasks.data ? groupByDay(tasks.data, ask, now, timeZone) : []
  const switchTo = (days: DaySheetAsk['days']) => daySheetHref(ask.assignee, days, ask.from)

  return (
    <main className="day-sheet">
      <header className="day-sheet__header">
        <h1>{words.title(name)}</h1>
        <p>
          {words.period(dayName(range.days[0]!), dayName(range.days.at(-1)!))} ·{' '}
          {words.printed(formatDateTime(now, style))}
        </p>
        <nav className="day-sheet__controls" aria-label={words.title(name)}>
          <Link className="button button--quiet" to={BOARD_PATH}>
            ← {words.back}
          </Link>
          <Link className="button button--quiet" to={switchTo(1)} aria-current={ask.days === 1 ? 'page' : undefined}>
            {words.oneDay}
          </Link>
          <Link className="button button--quiet" to={switchTo(7)} aria-current={ask.days === 7 ? 'page' : undefined}>
            {words.week}
          </Link>
          <button type="button" className="button" onClick={printPage}>
            {words.print}
          </button>
        </nav>
      </header>
      {tasks.isPending && <p className="muted">{words.loading}</p>}
      {tasks.isError && <p role="alert">{words.failed}</p>}
      {groups.map((group) => (
        <section key={group.day ?? 'overdue'} className="day-sheet__day">
          <h2>
            {group.day === null ? words.overdue : dayName(group.day)} · {words.count(group.tasks.length)}
          </h2>
          {group.tasks.length === 0 ? (
            <p className="muted">{words.none}</p>
          ) : (
            <ol className="day-sheet__tasks">
              {group.tasks.map((task) => (
                <SheetTask
                  key={task._id}
                  task={task}
                  type={typeof task.taskTypeId === 'string' ? typeById.get(task.taskTypeId) : undefined}
                  when={group.day === null ? formatDateTime(task.dueDate!, style) : formatTime(task.dueDate!, style)}
                />
              ))}
            </ol>
          )}
        </section>
      ))}
      {tasks.data && <p className="muted day-sheet__note">{words.noDue}</p>}
    </main>
  )
}

function SheetTask({ task, type, when }: { task: Task; type: TaskType | undefined; when: string }) {
  const { t } = useDaySheetI18n()
  const words = t.daySheet
  const text = (value: string | Unreadable | null) =>
    value === null ? '—' : isUnreadable(value) ? t.unreadable.label : value
  const names = (entities: Task['related']['customers']) =>
    entities.length === 0
      ? '—'
      : entities.map((entity) => (isUnreadable(entity) ? t.unreadable.label : text(entity.name))).join(', ')
  const identifier = formatIdentifier(task, type?.prefix)
  const priority = isUnreadable(task.priority) ? null : priorityInfo(task.priority, t)
  const contact =
    [task.contactPerson, task.telephone]
      .filter((part) => part !== null && part !== '')
      .map(text)
      .join(', ') || '—'
  return (
    <li className="day-sheet__task">
      <div className="day-sheet__when">
        <span className="visually-hidden">{words.due} </span>
        {when}
      </div>
      <div className="day-sheet__what">
        <p className="day-sheet__title">
          <strong>{text(identifier)}</strong> {text(task.title)}
        </p>
        <dl className="day-sheet__facts">
          <dt>{words.customer}</dt>
          <dd>{names(task.related.customers)}</dd>
          <dt>{words.object}</dt>
          <dd>{names(task.related.objects)}</dd>
          <dt>{words.contact}</dt>
          <dd>{contact}</dd>
          <dt>{words.priority}</dt>
          <dd>{priority?.label ?? '—'}</dd>
        </dl>
        <div className="day-sheet__notes" role="note" aria-label={words.notes}>
          {words.notes}
        </div>
      </div>
    </li>
  )
}

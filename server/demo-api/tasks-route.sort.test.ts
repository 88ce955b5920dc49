import { describe, expect, test } from 'vitest'
import type { DemoTask } from './entities.ts'
import { demoApiForFile, taskIds as ids } from '../testing/test-api.ts'

const file = demoApiForFile({ taskCount: 3000 })

describe('sorting', () => {
  const FIELDS = [
    'title',
    'identifierNumber',
    'number',
    'taskStatus',
    'priority',
    'dueDate',
    'assignee.name',
    'status.createdAt',
    'status.lastModifiedAt',
    'firstStartedAt',
    'firstTerminatedAt',
  ] as const
  type Field = (typeof FIELDS)[number]
  const collator = new Intl.Collator('de', { sensitivity: 'accent', numeric: true })
  const STATUS_ORDER = ['new', 'open', 'in_progress', 'in_review', 'completed', 'cancelled']
  const PRIORITY_ORDER = ['low', 'medium', 'high', 'urgent']

  const time = (value: unknown) =>
    typeof value === 'number' ? value : typeof value === 'string' ? new Date(value).getTime() : null

  /** The field's value as a sortable thing, or null when the task has none. */
  function valueOf(task: DemoTask, field: Field): number | string | null {
    switch (field) {
      case 'title':
        return task.title
      case 'assignee.name':
        return task.assignee?.name ?? null
      case 'identifierNumber':
      case 'number':
        return task[field]
      case 'taskStatus':
        return task.taskStatus
      case 'priority':
        return task.priority ?? null
      case 'status.createdAt':
        return time(task.status.createdAt)
      case 'status.lastModifiedAt':
        return time(task.status.lastModifiedAt)
      default:
        return time(task[field])
    }
  }

  /** Known values in their order, then unknown ones alphabetically. */
  function compareEnum(a: string, b: string, known: readonly string[]): number {
    const rankA = known.includes(a) ? known.indexOf(a) : known.length
    const rankB = known.includes(b) ? known.indexOf(b) : known.length
    return rankA !== rankB ? rankA - rankB : rankA < known.length ? 0 : collator.compare(a, b)
  }

  function compareValues(a: number | string, b: number | string, field: Field): number {
    if (field === 'taskStatus') return compareEnum(String(a), String(b), STATUS_ORDER)
    if (field === 'priority') return compareEnum(String(a), String(b), PRIORITY_ORDER)
    if (typeof a === 'number' && typeof b === 'number') return a - b
    return collator.compare(String(a), String(b))
  }

  /** The first pair of neighbours out of order, described; null when the order is right. */
  function firstDisorder(rows: readonly DemoTask[], field: Field, direction: 1 | -1): string | null {
    for (let index = 1; index < rows.length; index += 1) {
      const before = rows[index - 1]!
      const after = rows[index]!
      const a = valueOf(before, field)
      const b = valueOf(after, field)
      const idsInOrder = before._id < after._id
      let ok: boolean
      if (a === null)
        ok = b === null && idsInOrder // Tasks without a value come last, in either direction, by _id.
      else if (b === null) ok = true
      else {
        const order = compareValues(a, b, field) * direction
        ok = order < 0 || (order === 0 && idsInOrder)
      }
      if (!ok) return `at ${index}: ${String(a)} (${before._id}) then ${String(b)} (${after._id})`
    }
    return null
  }

  /** The whole order of the 3000 tasks, in three pages. */
  async function sortedAll(sort: string): Promise<DemoTask[]> {
    const pages = await Promise.all(
      [0, 1000, 2000].map((offset) =>
        file.api.getJson<DemoTask[]>(`/tasks/?limit=1000&offset=${offset}&sort=${encodeURIComponent(sort)}`),
      ),
    )
    return pages.flat()
  }

  describe('every field, both directions, on a smaller data set read in one page', () => {
    const small = demoApiForFile({ taskCount: 1000 })

    test.each(FIELDS.flatMap((field) => [[field, 1] as const, [field, -1] as const]))(
      'by %s, direction %d: values in order, ties by _id, none last',
      async (field, direction) => {
        const json = JSON.stringify({ by: field, direction })
        const [rows, colonForm] = await Promise.all([
          small.api.getJson<DemoTask[]>(`/tasks/?limit=1000&sort=${encodeURIComponent(json)}`),
          small.api.getJson<DemoTask[]>(`/tasks/?limit=1000&sort=${encodeURIComponent(`${field}:${direction}`)}`),
        ])
        expect(rows).toHaveLength(1000)
        expect(firstDisorder(rows, field, direction)).toBeNull()
        expect(ids(colonForm)).toEqual(ids(rows))
      },
    )
  })

  test('the JSON form also takes the direction as a string', async () => {
    const numeric = await file.api.getJson<DemoTask[]>(
      `/tasks/?limit=50&sort=${encodeURIComponent('{"by":"dueDate","direction":-1}')}`,
    )
    const text = await file.api.getJson<DemoTask[]>(
      `/tasks/?limit=50&sort=${encodeURIComponent('{"by":"dueDate","direction":"-1"}')}`,
    )
    expect(ids(text)).toEqual(ids(numeric))
  })

  test('dates in either shape sort by their instant, and the data has both shapes', async () => {
    const rows = await sortedAll('{"by":"dueDate","direction":1}')
    const withDue = rows.filter((task) => task.dueDate !== null)
    expect(withDue.some((task) => typeof task.dueDate === 'string')).toBe(true)
    expect(withDue.some((task) => typeof task.dueDate === 'number')).toBe(true)
    const instants = withDue.map((task) => time(task.dueDate)!)
    expect(instants).toEqual([...instants].sort((a, b) => a - b))
    expect(rows.slice(withDue.length).every((task) => task.dueDate === null)).toBe(true)
  })

  test('unknown priorities and states sort after the known ones, tasks without one last', async () => {
    const byPriority = await sortedAll('priority:1')
    const priorities = [...new Set(byPriority.map((task) => task.priority ?? '(none)'))]
    expect(priorities).toEqual(['low', 'medium', 'high', 'urgent', 'asap', 'critical', 'Hoch', '(none)'])
    const byStatus = await sortedAll('taskStatus:-1')
    const statuses = [...new Set(byStatus.map((task) => task.taskStatus ?? '(none)'))]
    const unknown = statuses.filter((status) => status !== '(none)' && !STATUS_ORDER.includes(status))
    expect(unknown.length).toBeGreaterThan(0)
    expect(statuses).toEqual([
      ...unknown.sort((a, b) => collator.compare(b, a)),
      ...[...STATUS_ORDER].reverse(),
      '(none)',
    ])
  })
})

import type { WorkloadRow } from '../api/figure-schemas.ts'
import type { WorkloadOrder } from '../../../shared/tasks/url-state/workload-order.ts'

/**
 * The rows in `order`, Unassigned always first: it is the pile a dispatcher
 * hands out from, whichever way the people are sorted. Ties keep the
 * server's order (by name), so the table does not jump between refreshes.
 */
export function sortWorkloadRows(rows: readonly WorkloadRow[], order: WorkloadOrder, locale: string): WorkloadRow[] {
  const unassigned = rows.filter((row) => row.assignee === null)
  const people = rows.filter((row) => row.assignee !== null)
  const sign = order.direction === 'asc' ? 1 : -1
  const collator = new Intl.Collator(locale)
  const sorted = people
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const { column } = order
      const difference =
        column === 'name'
          ? collator.compare(a.row.assignee?.name ?? '', b.row.assignee?.name ?? '')
          : a.row[column] - b.row[column]
      return sign * difference || a.index - b.index
    })
    .map(({ row }) => row)
  return [...unassigned, ...sorted]
}

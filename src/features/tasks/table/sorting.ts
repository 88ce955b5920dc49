import type { TaskSortField } from '../../../shared/tasks/api/list-query.ts'
import { sameSort } from '../../../shared/tasks/url-state/board-search.ts'
import { DEFAULT_BOARD, type BoardSort } from '../../../shared/tasks/url-state/board-state.ts'

/**
 * A click on a column header cycles ascending → descending → the default
 * order. The default column itself cycles between its two directions.
 */
export function nextSort(current: BoardSort, field: TaskSortField): BoardSort {
  const defaultSort = DEFAULT_BOARD.sort
  if (current.field !== field) return { field, direction: 1 }
  if (current.direction === 1) return { field, direction: -1 }
  const back = defaultSort
  return sameSort(back, current) ? { field, direction: 1 } : back
}

export function ariaSortOf(current: BoardSort, field: TaskSortField | undefined): 'ascending' | 'descending' | 'none' {
  if (field === undefined || current.field !== field) return 'none'
  return current.direction === 1 ? 'ascending' : 'descending'
}

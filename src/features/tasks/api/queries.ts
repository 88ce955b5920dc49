import {
  keepPreviousData,
  queryOptions,
  skipToken,
  experimental_streamedQuery as streamedQuery,
} from '@tanstack/react-query'
import type { TaskListQuery } from '../../../shared/tasks/api/list-query.ts'
import { taskPageSlices } from './task-page-source.ts'
import { getSelf, getTask, listCustomers, listTaskTypes, listTasks, listUsers, type TaskPage } from './tasks-api.ts'

/** Users and task types change rarely: fetched once per page load, a reload fetches them again. */
const SESSION = Infinity
/** Customer searches are many and small: kept a while, then asked again. */
const REFERENCE_STALE_TIME = 30 * 60_000
/** Views revisited within this window come from cache without a request (the board refreshes the one shown). */
const LIST_STALE_TIME = 30_000
/** Pages up to this size read the whole next page to learn whether it has rows. */
const READ_WHOLE_NEXT_MAX = 100
/** What a read that yielded nothing would hold; a read always yields or throws. */
const NO_PAGE: TaskPage = { tasks: [], skipped: { count: 0, firstReason: null }, unreadable: 0, totalCount: null }

/** Query options for tasks; the query object is part of the key. */
export const taskQueries = {
  all: () => ['tasks'] as const,
  lists: () => [...taskQueries.all(), 'list'] as const,
  /** `null`: the view cannot be asked for yet (see toTaskListQuery); nothing is fetched. */
  list: (query: TaskListQuery | null) =>
    queryOptions({
      queryKey: [...taskQueries.lists(), query] as const,
      queryFn:
        query === null
          ? skipToken
          : streamedQuery<TaskPage, TaskPage>({
              streamFn: ({ signal }) => taskPageSlices(query, { signal }),
              // Each slice holds every row read so far. A first load shows a long page's first rows while the
              // rest is read; a refresh keeps the rows it has until the whole page is read.
              reducer: (_, page) => page,
              initialValue: NO_PAGE,
              refetchMode: 'replace',
            }),
      // A page whose first rows are all a cancelled read left is never fresh: the next use reads it again.
      staleTime: ({ state }) => (state.data?.partial ? 0 : LIST_STALE_TIME),
    }),
  /**
   * Whether the page after `query`'s has rows. The API gives no total and may
   * cap page sizes, so a short page proves nothing: the next page is asked
   * for. Pages up to 100 rows read it whole (its list entry, so Next is then
   * instant); bigger ones ask for its first row only, since reading 1,000 more
   * rows for every 1,000-row view would double the work of the heaviest view
   * for a page rarely turned.
   */
  hasNext: (query: TaskListQuery | null) =>
    queryOptions({
      queryKey: [...taskQueries.all(), 'has-next', query] as const,
      queryFn:
        query === null
          ? skipToken
          : async ({ client, signal }) => {
              const next = { ...query, offset: query.offset + query.limit }
              const page =
                query.limit <= READ_WHOLE_NEXT_MAX
                  ? await client.fetchQuery(taskQueries.list(next))
                  : await listTasks({ ...next, limit: 1 }, { signal })
              return page.tasks.length > 0
            },
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...taskQueries.all(), 'detail', id] as const,
      queryFn: ({ signal }) => getTask(id, { signal }),
    }),
}

export const userQueries = {
  all: () => ['users'] as const,
  list: () =>
    queryOptions({
      queryKey: [...userQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => listUsers({ signal }),
      staleTime: SESSION,
    }),
  self: () =>
    queryOptions({
      queryKey: [...userQueries.all(), 'self'] as const,
      queryFn: ({ signal }) => getSelf({ signal }),
      staleTime: SESSION,
    }),
}

export const taskTypeQueries = {
  list: () =>
    queryOptions({
      queryKey: ['taskTypes', 'list'] as const,
      queryFn: ({ signal }) => listTaskTypes({ signal }),
      staleTime: SESSION,
    }),
}

export const customerQueries = {
  search: (name: string) =>
    queryOptions({
      queryKey: ['customers', 'search', name] as const,
      queryFn: ({ signal }) => listCustomers({ name }, { signal }),
      staleTime: REFERENCE_STALE_TIME,
      placeholderData: keepPreviousData,
    }),
  byIds: (ids: readonly string[]) =>
    queryOptions({
      queryKey: ['customers', 'ids', ids] as const,
      queryFn: ({ signal }) => listCustomers({ ids }, { signal }),
      staleTime: REFERENCE_STALE_TIME,
    }),
}

import { keepPreviousData, queryOptions, skipToken } from '@tanstack/react-query'
import type { TaskListQuery } from './list-query.ts'
import { getSelf, getTask, listCustomers, listTaskTypes, listTasks, listUsers } from './tasks-api.ts'

/** Users and task types change rarely: fetched once per page load, a reload fetches them again. */
const SESSION = Infinity
/** Customer searches are many and small: kept a while, then asked again. */
const REFERENCE_STALE_TIME = 30 * 60_000

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
          : ({ signal, client, queryKey }) =>
              listTasks(query, {
                signal,
                // A first load shows a long page's first rows while the rest is read; a refresh keeps the rows
                // it has until the whole page is read.
                onFirstRows: (page) => {
                  if (client.getQueryData(queryKey) === undefined) client.setQueryData(queryKey, page)
                },
              }),
      placeholderData: keepPreviousData,
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

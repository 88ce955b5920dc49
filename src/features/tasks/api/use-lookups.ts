/** Thin hooks over the lookup lists (task types, users, customers) and the signed-in user. */
import { useQuery } from '@tanstack/react-query'
import { customerQueries, taskTypeQueries, userQueries } from './queries.ts'

export function useTaskTypes() {
  return useQuery(taskTypeQueries.list())
}

export function useUsers() {
  return useQuery(userQueries.list())
}

export function useSelf({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...userQueries.self(), enabled })
}

export function useCustomerSearch(name: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...customerQueries.search(name), enabled })
}

export function useCustomersByIds(ids: readonly string[]) {
  return useQuery({ ...customerQueries.byIds(ids), enabled: ids.length > 0 })
}

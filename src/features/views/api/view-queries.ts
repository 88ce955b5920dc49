import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  createView,
  getView,
  listViews,
  setDefaultView,
  updateView,
  type NewView,
  type ViewEdit,
  type ViewList,
} from './views-api.ts'

export const viewQueries = {
  all: () => ['views'] as const,
  list: () =>
    queryOptions({
      queryKey: [...viewQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => listViews({ signal }),
      // A colleague's new team view shows up the next time the menu opens.
      staleTime: 10_000,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...viewQueries.all(), 'detail', id] as const,
      queryFn: ({ signal }) => getView(id, { signal }),
      // A short link names a view that exists or not; asking again changes nothing.
      retry: false,
    }),
}

export function useViews({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...viewQueries.list(), enabled })
}

export function useCreateView() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (view: NewView) => createView(view),
    onSettled: () => queryClient.invalidateQueries({ queryKey: viewQueries.all() }),
  })
}

export function useUpdateView() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, edit }: { id: string; edit: ViewEdit }) => updateView(id, edit),
    onSettled: () => queryClient.invalidateQueries({ queryKey: viewQueries.all() }),
  })
}

export function useSetDefaultView() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: setDefaultView,
    onSuccess: (defaultViewId) =>
      queryClient.setQueryData(viewQueries.list().queryKey, (list: ViewList | undefined) =>
        list ? { ...list, defaultViewId } : list,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: viewQueries.all() }),
  })
}

import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { createView, listViews, updateView, type NewView, type ViewEdit } from './views-api.ts'

export const viewQueries = {
  all: () => ['views'] as const,
  list: () =>
    queryOptions({
      queryKey: [...viewQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => listViews({ signal }),
      // A colleague's new team view shows up the next time the menu opens.
      staleTime: 10_000,
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

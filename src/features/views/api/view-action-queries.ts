import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  deleteView,
  duplicateView,
  listTrash,
  listVersions,
  restoreVersion,
  restoreView,
  type ChangeOf,
} from './view-actions-api.ts'
import { viewQueries } from './view-queries.ts'

/** Under the views' key: every change of a view refreshes the trash and the histories with the list. */
export const viewActionQueries = {
  trash: () =>
    queryOptions({
      queryKey: [...viewQueries.all(), 'trash'] as const,
      queryFn: ({ signal }) => listTrash({ signal }),
    }),
  history: (id: string) =>
    queryOptions({
      queryKey: [...viewQueries.all(), 'history', id] as const,
      queryFn: ({ signal }) => listVersions(id, { signal }),
    }),
}

export function useTrash({ enabled }: { enabled: boolean }) {
  return useQuery({ ...viewActionQueries.trash(), enabled })
}

export function useViewHistory(id: string) {
  return useQuery(viewActionQueries.history(id))
}

/**
 * A change of views: whatever its outcome, the lists are asked again (a
 * refusal may mean they are out of date), but not the history of a view
 * the change took away (`gone`): asking for it would only get a 404.
 */
function useViewChange<Input, Output>(change: (input: Input) => Promise<Output>, gone?: (input: Input) => string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: change,
    onSettled: (_data, error, input) => {
      const goneId = gone && !error ? gone(input) : null
      return queryClient.invalidateQueries({
        queryKey: viewQueries.all(),
        predicate: ({ queryKey }) => goneId === null || queryKey[1] !== 'history' || queryKey[2] !== goneId,
      })
    },
  })
}

export const useDuplicateView = () => useViewChange((id: string) => duplicateView(id))
export const useDeleteView = () =>
  useViewChange(
    ({ id, change }: { id: string; change: ChangeOf }) => deleteView(id, change),
    ({ id }) => id,
  )
export const useRestoreView = () => useViewChange((id: string) => restoreView(id))
export const useRestoreVersion = () =>
  useViewChange(({ id, from, change }: { id: string; from: number; change: ChangeOf }) =>
    restoreVersion(id, from, change),
  )

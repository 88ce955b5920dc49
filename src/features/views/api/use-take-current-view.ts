import { useQueryClient } from '@tanstack/react-query'
import { viewQueries } from './view-queries.ts'
import type { SavedView, ViewList } from './views-api.ts'

/**
 * Takes the view as the server has it now (sent with a refused stale change)
 * into the list at once, so the next change names the current version.
 */
export function useTakeCurrentView() {
  const queryClient = useQueryClient()
  return (current: SavedView) => {
    queryClient.setQueryData<ViewList>(viewQueries.list().queryKey, (list) =>
      list ? { ...list, views: list.views.map((view) => (view.id === current.id ? current : view)) } : list,
    )
    void queryClient.invalidateQueries({ queryKey: viewQueries.all() })
  }
}

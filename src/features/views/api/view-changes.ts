import { useMutation, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod/mini'
import { appRequest } from '../../../lib/api-client.ts'
import { isApiError } from '../../../shared/api-error.ts'
import { parseAnswer, viewPath, viewQueries, viewSchema, type SavedView, type ViewList } from './saved-views.ts'

/*
 * Changing the saved views: the requests, their mutations, and what a refused
 * change tells. Only the parts that change views import this, so it comes
 * with them and not with the board's first download.
 */

export interface NewView {
  name: string
  query: string
  scope: SavedView['scope']
  columns?: string[]
  widths?: Record<string, number>
  density?: 'comfortable' | 'compact'
}

export interface ViewEdit {
  version: number
  name?: string
  query?: string
  /** Team views are locked: an edit of one says it means it. */
  unlock?: boolean
}

/** What a change of a view names: the version it was made on and, for a team view, that it was unlocked. */
export interface ChangeOf {
  version: number
  unlock?: boolean
}

export async function createView(view: NewView): Promise<SavedView> {
  return parseAnswer(viewSchema, await appRequest('/views', { method: 'POST', body: view }))
}

export async function updateView(id: string, edit: ViewEdit): Promise<SavedView> {
  return parseAnswer(viewSchema, await appRequest(viewPath(id), { method: 'PATCH', body: edit }))
}

const defaultViewSchema = z.object({ viewId: z.nullable(z.string()) })

/** Makes a view the user's default (what a bare `/tasks` opens), or removes the default with null. */
export async function setDefaultView(viewId: string | null): Promise<string | null> {
  return parseAnswer(defaultViewSchema, await appRequest('/default-view', { method: 'PUT', body: { viewId } })).viewId
}

export async function duplicateView(id: string): Promise<SavedView> {
  return parseAnswer(viewSchema, await appRequest(viewPath(id, '/duplicate'), { method: 'POST', body: {} }))
}

/** Moves the view to the trash. */
export async function deleteView(id: string, change: ChangeOf): Promise<void> {
  await appRequest(viewPath(id), { method: 'DELETE', body: change })
}

export async function restoreView(id: string): Promise<SavedView> {
  return parseAnswer(viewSchema, await appRequest(viewPath(id, '/restore'), { method: 'POST', body: {} }))
}

/** Brings an earlier version back as the newest one (itself kept in the history). */
export async function restoreVersion(id: string, from: number, change: ChangeOf): Promise<SavedView> {
  return parseAnswer(
    viewSchema,
    await appRequest(viewPath(id, `/history/${from}/restore`), { method: 'POST', body: change }),
  )
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

export const useCreateView = () => useViewChange((view: NewView) => createView(view))
export const useUpdateView = () => useViewChange(({ id, edit }: { id: string; edit: ViewEdit }) => updateView(id, edit))
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

/** The view as it is now, when a change was refused because someone else changed it first (409 with `current`). */
export function staleCurrent(error: unknown): SavedView | null {
  if (!isApiError(error) || error.status !== 409) return null
  const current = viewSchema.safeParse((error.body as { current?: unknown } | null)?.current)
  return current.success ? current.data : null
}

/** True when a save was refused because another view of that scope has this name. */
export function isNameTaken(error: unknown): boolean {
  return isApiError(error) && error.status === 409 && refusalCode(error) === 'name-taken'
}

/** Why the server refused a change of a view (server/http/answer-failure.ts names it in `errors[].code`), or null. */
export function refusalCode(error: unknown): string | null {
  if (!isApiError(error)) return null
  const errors = (error.body as { errors?: { code?: unknown }[] } | null)?.errors
  const code = Array.isArray(errors) ? errors.find((entry) => typeof entry?.code === 'string')?.code : undefined
  return typeof code === 'string' ? code : null
}

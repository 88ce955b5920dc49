import { queryOptions, useQuery } from '@tanstack/react-query'
import { z } from 'zod/mini'
import { appRequest } from '../../../lib/api-client.ts'
import { ApiError } from '../../../shared/api-error.ts'

/*
 * Reading the saved views: what the app server sends and the queries that
 * ask for it. Changing them is view-changes.ts, fetched with the parts that
 * change them; the board's arrival (its default view) needs only this.
 */

const person = z.object({ name: z.string() })

/** A saved view as the app server sends it; only what the menu shows and edits. */
export const viewSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The board's canonical query string, without `?` and never with `page`. */
  query: z.string(),
  /** The optional columns the view shows, their widths in rem and its density; null when saved without them. */
  columns: z.nullable(z.array(z.string())),
  widths: z.nullable(z.record(z.string(), z.number())),
  density: z.nullable(z.enum(['comfortable', 'compact'])),
  scope: z.enum(['personal', 'team']),
  version: z.number(),
  updatedBy: person,
  updatedAt: z.string(),
  /** In the list only: when the person last opened the view (ISO), null if never. */
  lookedAt: z.optional(z.nullable(z.string())),
})
export type SavedView = z.infer<typeof viewSchema>

const viewListSchema = z.object({ views: z.array(viewSchema), defaultViewId: z.nullable(z.string()) })
export type ViewList = z.infer<typeof viewListSchema>

/** A view in the trash, restorable until it is purged. */
export const trashedViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.enum(['personal', 'team']),
  deletedAt: z.string(),
})
export type TrashedView = z.infer<typeof trashedViewSchema>

/** An earlier state of a view, as its history lists it. */
export const viewVersionSchema = z.object({
  version: z.number(),
  name: z.string(),
  query: z.string(),
  updatedBy: person,
  updatedAt: z.string(),
})
export type ViewVersion = z.infer<typeof viewVersionSchema>

export function parseAnswer<S extends z.ZodMiniType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body)
  if (!parsed.success)
    throw new ApiError({ kind: 'unexpected-shape', message: 'The server answered with something that is not a view.' })
  return parsed.data
}

/** The path of one view, or of something under it (`/history`, `/restore`). */
export const viewPath = (id: string, rest = '') => `/views/${encodeURIComponent(id)}${rest}`

export async function listViews({ signal }: { signal?: AbortSignal } = {}): Promise<ViewList> {
  return parseAnswer(viewListSchema, await appRequest('/views', { signal }))
}

export async function getView(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<SavedView> {
  return parseAnswer(viewSchema, await appRequest(viewPath(id), { signal }))
}

export async function listTrash({ signal }: { signal?: AbortSignal } = {}): Promise<TrashedView[]> {
  const schema = z.object({ views: z.array(trashedViewSchema) })
  return parseAnswer(schema, await appRequest('/views/trash', { signal })).views
}

export async function listVersions(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<ViewVersion[]> {
  const schema = z.object({ versions: z.array(viewVersionSchema) })
  return parseAnswer(schema, await appRequest(viewPath(id, '/history'), { signal })).versions
}

/** Everything under the views' key: every change of a view refreshes the list, the trash and the histories. */
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

export function useViews({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...viewQueries.list(), enabled })
}

export function useTrash({ enabled }: { enabled: boolean }) {
  return useQuery({ ...viewQueries.trash(), enabled })
}

export function useViewHistory(id: string) {
  return useQuery(viewQueries.history(id))
}

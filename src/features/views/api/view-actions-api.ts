import { z } from 'zod/mini'
import { appRequest } from './app-request.ts'
import { parseAnswer, viewSchema, type SavedView } from './views-api.ts'

const path = (id: string, rest = '') => `/views/${encodeURIComponent(id)}${rest}`

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
  updatedBy: z.object({ name: z.string() }),
  updatedAt: z.string(),
})
export type ViewVersion = z.infer<typeof viewVersionSchema>

/** What a change of a view names: the version it was made on and, for a team view, that it was unlocked. */
export interface ChangeOf {
  version: number
  unlock?: boolean
}

export async function duplicateView(id: string): Promise<SavedView> {
  return parseAnswer(viewSchema, await appRequest(path(id, '/duplicate'), { method: 'POST', body: {} }))
}

/** Moves the view to the trash. */
export async function deleteView(id: string, change: ChangeOf): Promise<void> {
  await appRequest(path(id), { method: 'DELETE', body: change })
}

export async function restoreView(id: string): Promise<SavedView> {
  return parseAnswer(viewSchema, await appRequest(path(id, '/restore'), { method: 'POST', body: {} }))
}

export async function listTrash({ signal }: { signal?: AbortSignal } = {}): Promise<TrashedView[]> {
  const schema = z.object({ views: z.array(trashedViewSchema) })
  return parseAnswer(schema, await appRequest('/views/trash', { signal })).views
}

export async function listVersions(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<ViewVersion[]> {
  const schema = z.object({ versions: z.array(viewVersionSchema) })
  return parseAnswer(schema, await appRequest(path(id, '/history'), { signal })).versions
}

/** Brings an earlier version back as the newest one (itself kept in the history). */
export async function restoreVersion(id: string, from: number, change: ChangeOf): Promise<SavedView> {
  return parseAnswer(
    viewSchema,
    await appRequest(path(id, `/history/${from}/restore`), { method: 'POST', body: change }),
  )
}

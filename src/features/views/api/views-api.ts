import { z } from 'zod/mini'
import { appRequest, AppRequestError } from './app-request.ts'

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
})
export type SavedView = z.infer<typeof viewSchema>

const viewListSchema = z.object({ views: z.array(viewSchema), defaultViewId: z.nullable(z.string()) })
export type ViewList = z.infer<typeof viewListSchema>

export function parseAnswer<S extends z.ZodMiniType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw new AppRequestError(null, 'The server answered with something that is not a view.')
  return parsed.data
}

export async function listViews({ signal }: { signal?: AbortSignal } = {}): Promise<ViewList> {
  return parseAnswer(viewListSchema, await appRequest('/views', { signal }))
}

export interface NewView {
  name: string
  query: string
  scope: SavedView['scope']
  columns?: string[]
  widths?: Record<string, number>
  density?: 'comfortable' | 'compact'
}

export async function createView(view: NewView): Promise<SavedView> {
  return parseAnswer(viewSchema, await appRequest('/views', { method: 'POST', body: view }))
}

export interface ViewEdit {
  version: number
  name?: string
  query?: string
  /** Team views are locked: an edit of one says it means it. */
  unlock?: boolean
}

export async function updateView(id: string, edit: ViewEdit): Promise<SavedView> {
  return parseAnswer(viewSchema, await appRequest(`/views/${encodeURIComponent(id)}`, { method: 'PATCH', body: edit }))
}

export async function getView(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<SavedView> {
  return parseAnswer(viewSchema, await appRequest(`/views/${encodeURIComponent(id)}`, { signal }))
}

const defaultViewSchema = z.object({ viewId: z.nullable(z.string()) })

/** Makes a view the user's default (what a bare `/tasks` opens), or removes the default with null. */
export async function setDefaultView(viewId: string | null): Promise<string | null> {
  return parseAnswer(defaultViewSchema, await appRequest('/default-view', { method: 'PUT', body: { viewId } })).viewId
}

import type { APIRequestContext } from '@playwright/test'

/** What the figure tests read of a task, as the app's proxy answers it. */
export interface DemoTask {
  _id: string
  taskStatus: string
  priority: string
  dueDate: unknown
  assignee: { entityId: string; name: string | null } | null
}

/**
 * Every task of a filter set, read through the proxy a page of 1,000 at a
 * time until an empty page, each `_id` once: the independent account the
 * figures on screen are checked against.
 */
export async function listAllTasks(request: APIRequestContext, filters = ''): Promise<DemoTask[]> {
  const seen = new Map<string, DemoTask>()
  for (let offset = 0; ; offset += 1000) {
    const response = await request.get(`/api/tasks/?limit=1000&offset=${offset}${filters ? `&${filters}` : ''}`)
    if (!response.ok()) throw new Error(`tasks page at ${offset}: ${response.status()}`)
    const page = (await response.json()) as DemoTask[]
    if (page.length === 0) break
    for (const task of page) seen.set(task._id, task)
  }
  return [...seen.values()]
}

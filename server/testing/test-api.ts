import { afterAll, beforeAll } from 'vitest'
import { createDemoApi, type DemoApiConfig } from '../demo-api/demo-api.ts'
import { startDemoServer } from '../demo-api/demo-server.ts'
import type { DemoTask } from '../demo-api/entities.ts'

export const TEST_API_KEY = 'test-key:test-secret'
/** A fixed "now" (local time, mid-morning) so tests see the same data on every run. */
export const TEST_NOW = new Date(2026, 2, 18, 10, 30).getTime()

export interface TestApi {
  origin: string
  baseUrl: string
  /** GET (or another method) on an API path, with the key unless `headers` says otherwise. */
  request(path: string, init?: RequestInit): Promise<Response>
  /** A task list and, from `X-Total-Count`, the number of matches. */
  listTasks(query: string | URLSearchParams): Promise<{ rows: DemoTask[]; total: number }>
  /** JSON of a 200 answer; fails the test on any other status. */
  getJson<T>(path: string): Promise<T>
  close(): Promise<void>
}

/** A demo API on a free port, for tests that talk HTTP to it. */
export async function startTestApi(config: Partial<DemoApiConfig> = {}): Promise<TestApi> {
  const demo = createDemoApi({
    apiKey: TEST_API_KEY,
    taskCount: 3000,
    latencyMs: 0,
    faultsEnabled: true,
    now: TEST_NOW,
    ...config,
  })
  const running = await startDemoServer(demo, { host: '127.0.0.1', port: 0 })

  function request(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${running.baseUrl}${path}`, { ...init, headers: { 'x-API-Key': TEST_API_KEY, ...init.headers } })
  }

  async function getJson<T>(path: string): Promise<T> {
    const response = await request(path)
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`)
    return (await response.json()) as T
  }

  async function listTasks(query: string | URLSearchParams): Promise<{ rows: DemoTask[]; total: number }> {
    const path = `/tasks/?${query.toString()}`
    const response = await request(path, { headers: { 'x-demo-total': '1' } })
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`)
    return { rows: (await response.json()) as DemoTask[], total: Number(response.headers.get('x-total-count')) }
  }

  return { origin: running.origin, baseUrl: running.baseUrl, request, getJson, listTasks, close: running.close }
}

/** The ids of tasks in their order, to compare pages and sorts. */
export const taskIds = (tasks: readonly DemoTask[]): string[] => tasks.map((task) => task._id)

/**
 * A demo API for one test file, started before its tests and closed after
 * them, with every task read through the API itself first so that tests
 * can check answers against an independent reading of the data.
 */
export function demoApiForFile(config: Partial<DemoApiConfig> = {}): {
  readonly api: TestApi
  readonly all: DemoTask[]
} {
  const file = {} as { api: TestApi; all: DemoTask[] }
  beforeAll(async () => {
    file.api = await startTestApi(config)
    const count = config.taskCount ?? 3000
    const offsets = Array.from({ length: Math.ceil(count / 1000) }, (_, page) => page * 1000)
    const pages = await Promise.all(
      offsets.map((offset) => file.api.getJson<DemoTask[]>(`/tasks/?limit=1000&offset=${offset}`)),
    )
    file.all = pages.flat()
  })
  afterAll(async () => {
    await file.api.close()
  })
  return file
}

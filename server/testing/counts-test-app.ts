import type { AddressInfo } from 'node:net'
import { createAppServer } from '../app-server.ts'
import { createUpstreamClient } from '../upstream/upstream-client.ts'
import { createCountEndpoints, type CountEndpointsOptions } from '../counts/count-endpoints.ts'
import { createUpstreamGet, type GetUpstream } from '../counts/upstream-get.ts'

export interface TestAppServer {
  origin: string
  /** Upstream requests the figures have made so far. */
  upstreamRequests(): number
  close(): Promise<void>
}

/** The app server with its figure endpoints in front of an API base, for tests that talk HTTP to it. */
export async function startTestAppServer(
  baseUrl: string,
  options: Partial<CountEndpointsOptions> & { serverKey: string | undefined; timeoutMs?: number },
  wrap: (get: GetUpstream) => GetUpstream = (get) => get,
): Promise<TestAppServer> {
  let requests = 0
  const get = wrap(createUpstreamGet({ baseUrl, timeoutMs: options.timeoutMs ?? 5000 }))
  const getUpstream: GetUpstream = (...args) => {
    requests += 1
    return get(...args)
  }
  const app = createAppServer({
    upstreamGet: createUpstreamClient({
      baseUrl,
      timeoutMs: 5000,
      maxBodyBytes: 20_000_000,
      maxConcurrent: 16,
      maxQueued: 500,
    }),
    apiKey: options.serverKey,
    upstreamTimeoutMs: 5000,
    frontend: (_req, res) => {
      res.end('spa')
      return Promise.resolve()
    },
    countEndpoints: createCountEndpoints({ budgetPerMinute: 1000, workloadMaxTasks: 20_000, ...options, getUpstream }),
  })
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve))
  return {
    origin: `http://127.0.0.1:${(app.address() as AddressInfo).port}`,
    upstreamRequests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        app.close(() => resolve())
        app.closeAllConnections()
      }),
  }
}

import type { AddressInfo } from 'node:net'
import { createAppServer } from '../app-server.ts'
import { createUpstreamClient, type UpstreamClient } from '../upstream/upstream-client.ts'
import { createAppRouter } from '../http/app-router.ts'
import { createFigureRoutes, type FigureRoutesOptions } from '../workload/figure-routes.ts'
import { keyContexts } from './key-contexts.ts'

export interface TestAppServer {
  origin: string
  /** Upstream requests the figures have made so far. */
  upstreamRequests(): number
  close(): Promise<void>
}

/** The app server with its figure endpoints in front of an API base, for tests that talk HTTP to it. */
export async function startTestAppServer(
  baseUrl: string,
  options: Partial<FigureRoutesOptions> & { serverKey: string | undefined; timeoutMs?: number },
  wrap: (client: UpstreamClient) => UpstreamClient = (client) => client,
): Promise<TestAppServer> {
  let requests = 0
  const client = wrap(createUpstreamClient({ baseUrl, timeoutMs: options.timeoutMs ?? 5000 }))
  const counted: UpstreamClient = (request) => {
    requests += 1
    return client(request)
  }
  const upstream = createUpstreamClient({ baseUrl, timeoutMs: 5000 })
  const app = createAppServer({
    upstream,
    contextFor: keyContexts(options.serverKey, upstream),
    frontend: (_req, res) => {
      res.end('spa')
      return Promise.resolve()
    },
    appRoutes: createAppRouter(
      createFigureRoutes({
        budgetPerMinute: 1000,
        workloadMaxTasks: 20_000,
        ...options,
        upstream: counted,
      }),
    ),
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

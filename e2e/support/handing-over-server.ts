import { test as base } from '../fixtures.ts'
import { startAppProcess, type AppProcess } from '../../server/testing/start-app.ts'

/**
 * The browser tests with an app server of their own (one per worker) that
 * hands the first view over with the page and renders its first screen, as
 * in production: the shared server does neither, so faults injected into the
 * demo API reach the board's own requests.
 */
export function withHandingOverServer(env: Record<string, string> = {}) {
  return base.extend<object, { appServer: AppProcess }>({
    appServer: [
      async ({}, use) => {
        const server = await startAppProcess({ env: { COUNT_BUDGET_PER_MINUTE: '100000', ...env } })
        // The demo makes its tasks on its first request; a page should not be the one to wait for that.
        await fetch(`${server.url}/api/tasks/?limit=1`)
        await use(server)
        await server.stop()
      },
      { scope: 'worker', timeout: 90_000 },
    ],
  })
}

import { test as base, expect } from '@playwright/test'
import { startAppServer, type RunningServer } from './start-server.ts'

interface WorkerFixtures {
  /** The app server in demo mode, one per worker, on a free port. */
  appServer: RunningServer
}

interface TestFixtures {
  /**
   * Console errors and uncaught exceptions fail the test, except those a test
   * expects (the browser logs every 4xx/5xx response it receives) and allows.
   */
  consoleErrors: { allow: (pattern: RegExp) => void }
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  appServer: [
    async ({}, use) => {
      const server = await startAppServer({ DEMO_FAULTS: '1' })
      await use(server)
      await server.stop()
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ appServer }, use) => {
    await use(appServer.url)
  },
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = []
      const allowed: RegExp[] = []
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text())
      })
      page.on('pageerror', (error) => errors.push(`Uncaught: ${error.message}`))
      await use({ allow: (pattern) => allowed.push(pattern) })
      const unexpected = errors.filter((text) => !allowed.some((pattern) => pattern.test(text)))
      expect(unexpected, 'console errors during the test').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }

import { test as base, expect } from '@playwright/test'
import { startAppServer, type RunningServer } from './start-server.ts'

interface WorkerFixtures {
  /** The app server in demo mode, one per worker, on a free port. */
  appServer: RunningServer
}

interface TestFixtures {
  /** Console errors and uncaught exceptions seen during the test; the test fails if any. */
  consoleErrors: string[]
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
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text())
      })
      page.on('pageerror', (error) => errors.push(`Uncaught: ${error.message}`))
      await use(errors)
      expect(errors, 'console errors during the test').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }

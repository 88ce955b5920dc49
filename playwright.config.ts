import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'

/**
 * A system Chromium when there is one (CHROMIUM_PATH, else /usr/bin/chromium),
 * Playwright's own browser otherwise: the same `npm test` on a CI box that
 * cannot download browsers and on a laptop that can.
 */
function systemChromium(): string | undefined {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  return existsSync(candidate) ? candidate : undefined
}

const executablePath = systemChromium()

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    ...devices['Desktop Chrome'],
    trace: 'retain-on-failure',
    launchOptions: executablePath
      ? {
          executablePath,
          args: [
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        }
      : {},
  },
})

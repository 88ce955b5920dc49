import { existsSync } from 'node:fs'
import type { LaunchOptions } from '@playwright/test'

/**
 * A system Chromium when there is one (CHROMIUM_PATH, else /usr/bin/chromium),
 * Playwright's own browser otherwise: the same `npm test` on a CI box that
 * cannot download browsers and on a laptop that can.
 */
export function systemChromium(): string | undefined {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  return existsSync(candidate) ? candidate : undefined
}

/** Keeps a distribution's Chromium from reaching out to its own services while tests and timings run. */
export const SYSTEM_CHROMIUM_ARGS: readonly string[] = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Launch options for Playwright's `chromium`: shared by playwright.config.ts and the benchmark. */
export function chromiumLaunchOptions(): LaunchOptions {
  const executablePath = systemChromium()
  return executablePath ? { executablePath, args: [...SYSTEM_CHROMIUM_ARGS] } : {}
}

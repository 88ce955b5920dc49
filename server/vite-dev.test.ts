import { afterAll, beforeAll, expect, test } from 'vitest'
import { rawRequest } from './testing/hostile-upstream.ts'
import { startAppProcess, type AppProcess } from './testing/start-app.ts'

let app: AppProcess

beforeAll(async () => {
  // A long wait: this is about the render, not about a slow first answer of the demo.
  app = await startAppProcess({ args: ['--dev'], env: { FIRST_VIEW_WAIT_MS: '10000' } })
}, 90_000)

afterAll(async () => {
  await app.stop()
})

test('npm run dev renders the first screen on the server, from the source, as a build does', async () => {
  const page = await rawRequest(app.url, '/tasks?size=25', { headers: { host: '127.0.0.1' } })
  expect(page.status).toBe(200)
  // Vite's client is in the page, so this is the development server's page…
  expect(page.text).toContain('/@vite/client')
  // …with the rows rendered inside the root and what the render assumed in the island.
  expect(page.text).toMatch(/<div id="root">.*data-testid="task-row"/s)
  expect(page.text).toMatch(/<script type="application\/json" id="first-view">.*"screen":/s)
}, 60_000)

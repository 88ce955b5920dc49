import type { TestProject } from 'vitest/node'
import { startAppProcess } from './server/testing/start-app.ts'

/**
 * The API client is tested against the real app server and its demo API (not
 * fetch mocks): one server for the run, its origin handed to the tests.
 */
export default async function setup(project: TestProject) {
  // Every test opens boards with filters of its own, each a fresh count: the default budget would turn
  // counts into lower bounds halfway through a run (the budget itself is tested in server/counts/).
  const server = await startAppProcess({ env: { DEMO_FAULTS: '1', COUNT_BUDGET_PER_MINUTE: '100000' } })
  project.provide('appOrigin', server.url)
  return () => server.stop()
}

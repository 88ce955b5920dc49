import type { TestProject } from 'vitest/node'
import { startAppServer } from './e2e/support/start-server.ts'

/**
 * The API client is tested against the real app server and its demo API (not
 * fetch mocks): one server for the run, its origin handed to the tests.
 */
export default async function setup(project: TestProject) {
  const server = await startAppServer({ DEMO_FAULTS: '1' })
  project.provide('appOrigin', server.url)
  return () => server.stop()
}

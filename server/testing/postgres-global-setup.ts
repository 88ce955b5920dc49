import type { TestProject } from 'vitest/node'
import { startPostgresCluster } from '../store/postgres-cluster.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string
  }
}

/**
 * One PostgreSQL server for the server tests: TEST_DATABASE_URL when given
 * (a server the tests may create databases on), else a throwaway cluster.
 */
export default async function setup(project: TestProject) {
  const given = process.env.TEST_DATABASE_URL
  if (given) {
    project.provide('postgresUrl', given)
    return
  }
  const cluster = await startPostgresCluster()
  project.provide('postgresUrl', cluster.url)
  return () => cluster.destroy()
}

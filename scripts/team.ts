import { randomBytes } from 'node:crypto'
import { WRITE_OPERATIONS } from '../src/shared/tasks/api/task-change.ts'
import { startPostgresCluster } from '../server/store/postgres-cluster.ts'
import { DEFAULT_DEMO_API_KEY } from '../server/demo-api/demo-api.ts'
import { startProcess, type RunningProcess } from '../server/testing/start-app.ts'

/**
 * `npm run team`: a team's setup on this machine, for trying it — a
 * throwaway PostgreSQL, one demo API, and two app servers on both (ports
 * 4174 and 4175, or TEAM_PORTS), each dispatcher signing in with a key of
 * their own (the demo's). A change made on one shows on the other's board
 * at once. Until Ctrl-C; the cluster and its files go with it.
 */
const ports = (process.env.TEAM_PORTS ?? '4174,4175').split(',').map((port) => port.trim())
const cluster = await startPostgresCluster()
const running: RunningProcess[] = []
const stop = async () => {
  for (const each of running.reverse()) await each.stop()
  await cluster.destroy()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())

try {
  const api = await startProcess('server/demo-api/main.ts', [], {}, /Demo API on (http:\/\/[^/\s]+)/)
  running.push(api)
  // What every app server of one team shares: the store, the secret its sessions are sealed with, the API.
  const shared = {
    DATABASE_URL: cluster.url,
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    TASKS_API_URL: `${api.url}/v2`,
    TASK_WRITES: WRITE_OPERATIONS.join(','),
  }
  for (const port of ports) {
    running.push(
      await startProcess('server/main.ts', [], { ...shared, PORT: port }, /Task Board on (http:\/\/[^/\s]+)/, /Store/),
    )
  }
  console.log(
    [
      `A team on ${ports.length} app servers, one PostgreSQL (${cluster.url}) and one demo API (${api.url}/v2):`,
      ...running.slice(1).map((server) => `  ${server.url}/tasks`),
      `Sign in on each with the demo's key: ${DEFAULT_DEMO_API_KEY}`,
      'Ctrl-C stops them all.',
    ].join('\n'),
  )
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  await stop()
}

/**
 * Which task writes the tasks API really honours, tried on one sacrificial
 * task, so an operator enables exactly those in TASK_WRITES:
 *
 *   TASKS_API_URL=https://… TASKS_API_KEY='<id>:<secret>' npm run check-writes -- --task <24-hex id>
 *   npm run check-writes                       # against a demo API started here, on one of its open tasks
 *
 * Each operation is written, read back, written back to the original and
 * read back again; completing mails nobody. The key comes from the
 * environment only (never an argument, which other users of the machine
 * can see). `--json` prints the results as JSON.
 */
import { parseArgs } from 'node:util'
import { readServerConfig, upstreamLimits } from '../server/config.ts'
import { createDemoApi, DEFAULT_DEMO_API_KEY } from '../server/demo-api/demo-api.ts'
import { startDemoServer } from '../server/demo-api/demo-server.ts'
import { checkWrites } from '../server/task-writes/check-writes.ts'
import { createUpstreamClient } from '../server/upstream/upstream-client.ts'

const { values } = parseArgs({ options: { task: { type: 'string' }, json: { type: 'boolean', default: false } } })
const config = readServerConfig(process.env)
let taskId = values.task ?? ''
if (!/^[0-9a-f]{24}$/i.test(taskId) && (config.upstreamUrl || values.task !== undefined)) {
  console.error('Name the sacrificial task: npm run check-writes -- --task <24-hex id>')
  process.exit(2)
}

let baseUrl = config.upstreamUrl
let key = config.upstreamKey
let close = async () => {}
if (!baseUrl) {
  const demo = await startDemoServer(
    createDemoApi({ apiKey: DEFAULT_DEMO_API_KEY, taskCount: 5000, latencyMs: 0, faultsEnabled: false }),
    { host: '127.0.0.1', port: 0 },
  )
  baseUrl = demo.baseUrl
  key = DEFAULT_DEMO_API_KEY
  close = demo.close
  if (!taskId) {
    const open = await fetch(`${baseUrl}/tasks/?limit=1&taskStatus=open`, { headers: { 'x-api-key': key } })
    taskId = ((await open.json()) as { _id: string }[])[0]!._id
  }
  if (!values.json) console.log(`No TASKS_API_URL: trying the writes on a demo API at ${baseUrl}, task ${taskId}`)
}
if (!key) {
  console.error('Set TASKS_API_KEY to a key that may write this task (for this run only, in personal-key mode).')
  process.exit(2)
}

try {
  const results = await checkWrites({
    upstream: createUpstreamClient({ baseUrl, ...upstreamLimits(config) }),
    key,
    taskId,
  })
  if (values.json) {
    console.log(JSON.stringify(results, null, 2))
  } else {
    for (const result of results) {
      const verdict = result.honoured
        ? `honoured with the ${result.body === 'partial' ? 'changed field alone' : 'whole task (read-only fields left out)'}`
        : 'NOT honoured'
      const restored =
        result.restored === null ? '' : result.restored ? ', original written back' : ', ORIGINAL NOT RESTORED'
      console.log(`${result.operation.padEnd(9)} ${verdict}${restored}`)
      for (const note of result.notes) console.log(`          ${note}`)
    }
    const usable = results
      .filter((result) => result.honoured && result.body === 'partial')
      .map((result) => result.operation)
    const whole = results
      .filter((result) => result.honoured && result.body === 'whole')
      .map((result) => result.operation)
    console.log(`\nTASK_WRITES=${usable.join(',')}`)
    if (whole.length > 0) {
      console.log(`Not listed: ${whole.join(', ')} worked only with the whole task, which the board does not send.`)
    }
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
} finally {
  await close()
}

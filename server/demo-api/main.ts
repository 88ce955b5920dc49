import { parseArgs } from 'node:util'
import { createDemoApi, readDemoApiConfig } from './demo-api.ts'
import { startDemoServer } from './demo-server.ts'

/**
 * The demo API on its own: `node server/demo-api/main.ts --port 3000 [--host 127.0.0.1]`
 * (or PORT / HOST). Prints one line, `Demo API on http://HOST:PORT/v2 (…)`,
 * with the port actually bound; tools wait for and parse that line.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, host: { type: 'string' } },
    strict: true,
  })
  const port = readPort(values.port ?? process.env.PORT ?? '3000')
  const host = (values.host ?? process.env.HOST ?? '127.0.0.1').trim() || '127.0.0.1'
  const config = readDemoApiConfig(process.env)
  const running = await startDemoServer(createDemoApi(config), { host, port })

  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    void running.close().then(() => process.exit(0))
  }
  // Listening for signals before announcing the address: whoever reads the
  // line may stop the server at once.
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  console.log(`Demo API on ${running.baseUrl} (key "${config.apiKey}", ${config.taskCount} tasks)`)
}

function readPort(value: string): number {
  const port = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`The port must be a whole number from 0 to 65535; got "${value}"`)
  }
  return port
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '../..')

export interface RunningServer {
  /** Origin, e.g. http://127.0.0.1:41234 */
  url: string
  pid: number
  output: () => string
  stop: () => Promise<void>
}

/**
 * Starts one of the project's servers as its own process on a free port and
 * resolves once it prints its address (`pattern` captures the origin) and,
 * with `ready`, a line that matches it too.
 */
export async function startServer(
  script: string,
  args: string[],
  env: Record<string, string>,
  pattern: RegExp,
  ready?: RegExp,
): Promise<RunningServer> {
  const child = spawn(process.execPath, [join(projectRoot, script), ...args], {
    cwd: projectRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start in time:\n${output}`)), 60_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = pattern.exec(output)
      if (match?.[1] && (!ready || ready.test(output))) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${script} exited with ${code}:\n${output}`))
    })
  })
  return { url, pid: child.pid ?? 0, output: () => output, stop: () => stopChild(child) }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

/**
 * Each app server gets a data folder of its own (an embedded database opens
 * in one process only), removed when it stops. It resolves once the store
 * has opened or failed to: creating an embedded store is seconds of work on
 * the server's one thread (more on a loaded machine), which a test's first
 * page should not wait behind.
 */
export async function startAppServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = env.DATA_DIR ?? (await mkdtemp(join(tmpdir(), 'task-board-data-')))
  const server = await startServer(
    'server/main.ts',
    [],
    { DATA_DIR: dataDir, ...env },
    /Task Board on (http:\/\/[^/\s]+)/,
    /Store (ready|unavailable)/,
  )
  return {
    ...server,
    stop: async () => {
      await server.stop()
      if (!env.DATA_DIR) await rm(dataDir, { recursive: true, force: true })
    },
  }
}

export function startDemoApi(env: Record<string, string> = {}): Promise<RunningServer> {
  return startServer('server/demo-api/main.ts', ['--port', '0'], env, /Demo API on (http:\/\/[^/\s]+)/)
}

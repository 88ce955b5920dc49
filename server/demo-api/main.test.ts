import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url))

interface Started {
  child: ChildProcess
  line: string
  output: () => string
}

/** Runs the CLI and resolves with its start-up line, or rejects when it exits first. */
function start(args: string[], env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, [MAIN, ...args], {
    env: { ...process.env, PORT: '', HOST: '', DEMO_TASKS: '50', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const line = /^(Demo API on .*)\n/m.exec(output)?.[1]
      if (line) resolve({ child, line, output: () => output })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)))
  })
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode)
    else child.once('exit', (code) => resolve(code))
  })
}

test('prints the bound address, key and task count, serves /v2, and stops cleanly on SIGTERM', async () => {
  const { child, line } = await start(['--port', '0', '--host', '127.0.0.1'], { DEMO_API_KEY: 'cli:key' })
  try {
    const match = /^Demo API on (http:\/\/127\.0\.0\.1:(\d+)\/v2) \(key "cli:key", 50 tasks\)$/.exec(line)
    expect(match, line).not.toBeNull()
    expect(Number(match![2])).toBeGreaterThan(0)
    const response = await fetch(`${match![1]}/tasks/?limit=3`, { headers: { 'x-API-Key': 'cli:key' } })
    expect(response.status).toBe(200)
    expect(await response.json()).toHaveLength(3)
  } finally {
    child.kill('SIGTERM')
  }
  expect(await exitCode(child)).toBe(0)
})

test('takes the port from PORT and stops cleanly on SIGINT', async () => {
  const { child, line } = await start([], { PORT: '0' })
  try {
    expect(line).toMatch(/^Demo API on http:\/\/127\.0\.0\.1:\d+\/v2 \(key "demo-key:demo-secret", 50 tasks\)$/)
  } finally {
    child.kill('SIGINT')
  }
  expect(await exitCode(child)).toBe(0)
})

test('refuses a bad port or environment with a message and exit code 1', async () => {
  await expect(start(['--port', 'eighty'])).rejects.toThrow(/exited with 1: The port must be a whole number/)
  await expect(start(['--port', '0'], { DEMO_TASKS: 'lots' })).rejects.toThrow(
    /exited with 1: Invalid demo API environment:\n {2}DEMO_TASKS/,
  )
})

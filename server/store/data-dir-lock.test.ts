import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { lockDataDir } from './data-dir-lock.ts'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'task-board-lock-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

test('claims a free folder and releases it', async () => {
  const file = join(dir, 'free.lock')
  const release = await lockDataDir(file)
  expect(await readFile(file, 'utf8')).toBe(String(process.pid))
  await release()
  await expect(stat(file)).rejects.toThrow()
})

test('refuses a folder another running process holds, naming it', async () => {
  const file = join(dir, 'held.lock')
  await writeFile(file, String(process.ppid))
  await expect(lockDataDir(file)).rejects.toThrow(`in use by process ${process.ppid}`)
})

test('takes over the lock of a process that no longer runs', async () => {
  const file = join(dir, 'stale.lock')
  await writeFile(file, '2147483646')
  const release = await lockDataDir(file)
  expect(await readFile(file, 'utf8')).toBe(String(process.pid))
  await release()
})

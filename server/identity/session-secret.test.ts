import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { readSessionSecret, SECRET_FILE } from './session-secret.ts'

const dirs: string[] = []
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'task-board-secret-'))
  dirs.push(dir)
  return dir
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

test('the configured secret wins and nothing is written', async () => {
  const dir = await tempDir()
  expect(await readSessionSecret('x'.repeat(40), dir)).toBe('x'.repeat(40))
  await expect(stat(join(dir, SECRET_FILE))).rejects.toThrow()
})

test('without one, a secret is generated once, readable by this user only, and kept', async () => {
  const dir = join(await tempDir(), 'nested')
  const [first, second] = await Promise.all([readSessionSecret(undefined, dir), readSessionSecret(undefined, dir)])
  expect(first).toHaveLength(43)
  expect(second).toBe(first)
  expect(await readSessionSecret(undefined, dir)).toBe(first)
  expect((await stat(join(dir, SECRET_FILE))).mode & 0o777).toBe(0o600)
})

test('a file with no usable secret is an error, not a weak key', async () => {
  const dir = await tempDir()
  await writeFile(join(dir, SECRET_FILE), 'short')
  await expect(readSessionSecret(undefined, dir)).rejects.toThrow(/no usable secret/)
})

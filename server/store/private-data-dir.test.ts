import { spawnSync } from 'node:child_process'
import { chmod, lstat, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { readSessionSecret, SECRET_FILE } from '../identity/session-secret.ts'
import { openDatabase } from './open-database.ts'

let parent: string
beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'task-board-private-'))
  // Open to everyone, as a server's home or /srv may be: only the data folder itself keeps others out.
  await chmod(parent, 0o755)
})
afterAll(() => rm(parent, { recursive: true, force: true }))

/** Every path under `dir` with its permission bits. */
async function modesUnder(dir: string): Promise<[string, number][]> {
  const found: [string, number][] = []
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name)
    found.push([path, (await lstat(path)).mode & 0o777])
  }
  return found
}

/** Whether another account (nobody) can read `path`; null when this process may not act as another account. */
function readableByOthers(path: string): boolean | null {
  if (process.getuid?.() !== 0) return null
  const run = spawnSync('runuser', ['-u', 'nobody', '--', 'cat', path])
  if (run.error) return null
  return run.status === 0
}

test('the embedded store’s folder and all it holds are the server user’s alone, an older open folder included', async () => {
  const dataDir = join(parent, 'data')
  // As an older install left it: open folders, files readable by all.
  await mkdir(join(dataDir, 'old'), { recursive: true, mode: 0o777 })
  await chmod(dataDir, 0o755)
  await chmod(join(dataDir, 'old'), 0o777)
  await writeFile(join(dataDir, 'old', 'export.json'), '{}', { mode: 0o666 })
  await chmod(join(dataDir, 'old', 'export.json'), 0o666)

  const db = await openDatabase({ dataDir, databaseUrl: undefined })
  await db.query(`SELECT 1`)
  expect((await lstat(dataDir)).mode & 0o777).toBe(0o700)
  const open = (await modesUnder(dataDir)).filter(([, mode]) => (mode & 0o077) !== 0)
  expect(open).toEqual([])
  // What others could reach, tried as another account where this process may.
  expect(readableByOthers(join(dataDir, 'pglite', 'PG_VERSION'))).not.toBe(true)
  expect(readableByOthers(join(dataDir, 'old', 'export.json'))).not.toBe(true)
  await db.close()
  // A fresh embedded database takes seconds to create on a busy machine.
}, 60_000)

test('the generated session secret lives in a private folder too', async () => {
  const dataDir = join(parent, 'secret')
  await readSessionSecret(undefined, dataDir)
  expect((await lstat(dataDir)).mode & 0o777).toBe(0o700)
  expect((await lstat(join(dataDir, SECRET_FILE))).mode & 0o777).toBe(0o600)
  expect(readableByOthers(join(dataDir, SECRET_FILE))).not.toBe(true)
})

import { randomBytes } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { privateDataDir } from '../store/private-data-dir.ts'

export const SECRET_FILE = 'session-secret'

/**
 * The secret that encrypts session keys: `SESSION_SECRET` when set;
 * otherwise one generated once and kept in the data folder (readable by
 * this user only, in a folder only this user can enter), so sessions survive restarts of a single app server.
 */
export async function readSessionSecret(configured: string | undefined, dataDir: string): Promise<string> {
  if (configured) return configured
  await privateDataDir(dataDir)
  const file = join(dataDir, SECRET_FILE)
  try {
    await writeFile(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 })
  } catch (error) {
    // Already there (or written by a second process starting at once): use it.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  const secret = (await readFile(file, 'utf8')).trim()
  if (secret.length < 32) throw new Error(`${file} holds no usable secret; delete it to generate a new one.`)
  return secret
}

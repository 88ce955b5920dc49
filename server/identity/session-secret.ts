import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

export const SECRET_FILE = 'session-secret'

/**
 * The secret that encrypts session keys: `SESSION_SECRET` when set;
 * otherwise one generated once and kept in the data folder (readable by
 * this user only), so sessions survive restarts of a single app server.
 */
export async function readSessionSecret(configured: string | undefined, dataDir: string): Promise<string> {
  if (configured) return configured
  await mkdir(dataDir, { recursive: true })
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

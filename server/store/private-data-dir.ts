import { chmod, lstat, mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'

/** No access for the group or others. */
const OTHERS = 0o077

/**
 * The data folder (`DATA_DIR`), private to the server's user: created 0700
 * when missing, made 0700 when it is not. It holds every company's saved
 * views and the encrypted session keys, so no other account on the machine
 * may read it or write the database's log. Whatever mode a file inside has,
 * nobody else gets through the folder to it.
 */
export async function privateDataDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const { mode } = await lstat(dir)
  if ((mode & OTHERS) !== 0) await chmod(dir, mode & 0o700)
}

/**
 * Takes group and other access from everything in the data folder: what an
 * older install left, and what the embedded database wrote (PGlite writes
 * its files 0666, whatever the umask). Links are not followed.
 */
export async function privateFilesIn(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isSymbolicLink()) continue
    const path = join(dir, entry.name)
    const { mode } = await lstat(path)
    if ((mode & OTHERS) !== 0) await chmod(path, mode & 0o700)
    if (entry.isDirectory()) await privateFilesIn(path)
  }
}

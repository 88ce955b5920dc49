import { readFile, rm, writeFile } from 'node:fs/promises'

/**
 * Claims a data folder for this process: PGlite has no lock of its own, and
 * two processes writing one folder would corrupt it. A lock left by a
 * process that no longer runs is taken over. Answers the release function.
 */
export async function lockDataDir(lockFile: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lockFile, String(process.pid), { flag: 'wx' })
      return () => rm(lockFile, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const holder = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim())
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
      throw new Error(
        `The embedded database is in use by process ${holder} (${lockFile}). Several app servers need DATABASE_URL (PostgreSQL).`,
      )
    }
    await rm(lockFile, { force: true })
  }
  throw new Error(`Could not claim ${lockFile}.`)
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

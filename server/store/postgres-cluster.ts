import { execFile } from 'node:child_process'
import { access, chown, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** Where Debian's postgresql package puts its binaries; POSTGRES_BIN overrides. */
export const POSTGRES_BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin'

export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string
  stop(): Promise<void>
  start(): Promise<void>
  /** Stops the server and removes its files. */
  destroy(): Promise<void>
}

export interface ClusterOptions {
  /** Keep the cluster here (created when missing); default a new temp folder. */
  dir?: string
  /** Default a free one. */
  port?: number
}

/**
 * A local PostgreSQL server from Debian's binaries: a cluster in `dir` (or
 * a throwaway temp folder), owned by the `postgres` user when running as
 * root (initdb refuses root), trust authentication, loopback only.
 */
export async function startPostgresCluster(options: ClusterOptions = {}): Promise<PostgresCluster> {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'task-board-pg-')))
  await mkdir(dir, { recursive: true })
  const port = options.port ?? (await freePort())
  const asRoot = process.getuid?.() === 0
  const postgresUid = asRoot ? Number((await run('id', ['-u', 'postgres'])).stdout.trim()) : undefined
  const postgresGid = asRoot ? Number((await run('id', ['-g', 'postgres'])).stdout.trim()) : undefined
  if (asRoot && postgresUid !== undefined && postgresGid !== undefined) await chown(dir, postgresUid, postgresGid)

  const pgCommand = (binary: string, args: string[]) => {
    const quoted = [join(POSTGRES_BIN, binary), ...args].map((arg) => `'${arg.replaceAll("'", "'\\''")}'`).join(' ')
    return asRoot ? run('su', ['postgres', '-c', quoted]) : run(join(POSTGRES_BIN, binary), args)
  }
  const data = join(dir, 'data')
  const exists = await access(join(data, 'PG_VERSION')).then(
    () => true,
    () => false,
  )
  if (!exists) await pgCommand('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8'])
  const start = async () => {
    await pgCommand('pg_ctl', [
      '-D',
      data,
      '-o',
      `-p ${port} -k ${dir} -h 127.0.0.1 -F`,
      '-l',
      join(dir, 'log'),
      'start',
      '-w',
    ])
  }
  const stop = async () => {
    await pgCommand('pg_ctl', ['-D', data, 'stop', '-m', 'fast', '-w'])
  }
  await start()
  let running = true
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async start() {
      await start()
      running = true
    },
    async stop() {
      await stop()
      running = false
    },
    async destroy() {
      if (running) await stop().catch(() => {})
      await rm(dir, { recursive: true, force: true })
    },
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

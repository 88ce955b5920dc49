import { resolve } from 'node:path'
import { startPostgresCluster } from '../server/store/postgres-cluster.ts'

/**
 * `npm run postgres`: a local PostgreSQL server for trying the app server on
 * it, its files in `<DATA_DIR>/postgres` (kept between runs), until Ctrl-C.
 */
const dir = resolve(process.env.DATA_DIR ?? './data', 'postgres')
const port = Number(process.env.POSTGRES_PORT ?? 54329)
const cluster = await startPostgresCluster({ dir, port })
console.log(`PostgreSQL in ${dir}\n  DATABASE_URL=${cluster.url} npm start`)
const stop = () => {
  void cluster.stop().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)

import { createRateLimit } from './http/rate-limit.ts'
import type { ServerConfig } from './config.ts'
import { createAppRouter } from './http/app-router.ts'
import { isHttps } from './identity/client-address.ts'
import { createRequestContexts, type IdentityMode } from './identity/identity-resolver.ts'
import type { AppRoutes, ContextFor, RequestContext } from './identity/request-context.ts'
import { createFigureRoutes } from './workload/figure-routes.ts'
import { createKeyCipher } from './identity/key-cipher.ts'
import { createSessionRoutes } from './identity/session-routes.ts'
import { readSessionSecret } from './identity/session-secret.ts'
import { createSessionsRepository, type SessionsRepository } from './identity/sessions-repository.ts'
import type { Database } from './store/database.ts'
import type { UpstreamClient } from './upstream/upstream-client.ts'
import { openDatabaseInBackground } from './store/background-database.ts'
import { openDatabase } from './store/open-database.ts'
import { createViewHistory } from './views/view-history.ts'
import { createViewPreferences } from './views/view-preferences.ts'
import { createViewsRepository } from './views/views-repository.ts'
import { createViewsRoutes } from './views/views-routes.ts'
import { createExportRoutes } from './export/export-routes.ts'
import { createTaskWriteRoutes, writableOperations } from './task-writes/task-write-routes.ts'
import { createChangeLog } from './task-writes/change-log.ts'
import { WRITE_OPERATIONS } from '../src/shared/tasks/api/task-change.ts'
import { createJobsRepository } from './task-jobs/jobs-repository.ts'
import { createJobRunner } from './task-jobs/job-runner.ts'
import { createTaskJobRoutes } from './task-jobs/task-job-routes.ts'
import { createWriteBudget } from './task-jobs/write-budget.ts'
import { createTaskFeed } from './live/task-feed.ts'
import { createSharedFigures } from './counts/shared-figures.ts'
import { createSharedBudget } from './counts/shared-budget.ts'
import { createEventStreamRoutes } from './live/event-stream-routes.ts'

export interface AppServicesOptions {
  config: ServerConfig
  /** The key every upstream call uses in demo and shared-key mode; undefined for personal keys. */
  serverKey: string | undefined
  demo: boolean
  /** The server's one upstream client (asks whose a key is). */
  upstream: UpstreamClient
  /** Whether a picture URL may reach the browser (see proxy/picture-policy.ts). */
  isAllowedPicture: (url: string) => boolean
  /** An already open database (tests); otherwise the configured one is opened and migrated. */
  database?: Database
  now?: () => number
}

export interface AppServices {
  /** The app's own endpoints, `/app/…` and `/v/…`, in one table; false for other paths. */
  handle: AppRoutes
  /** Each request's context, for the identity mode the configuration gives. */
  contextFor: ContextFor
  /** Whether whoever asks has a default view; false when nobody is known or the store cannot say. */
  hasDefaultView: (context: RequestContext) => Promise<boolean>
  /** Resolves once the store is open; until then its endpoints answer 503. */
  ready: Promise<void>
  describe: string
  close(): Promise<void>
}

const HOUR_MS = 3_600_000
/** How many people saving views at full speed one client address makes room for. */
const WRITERS_PER_ADDRESS = 5

/** The store, identity and sessions, and the views API: everything the app server adds to the proxy. */
export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  const { config, upstream, serverKey, demo, now = Date.now } = options
  const db = openDatabaseInBackground(async () => options.database ?? (await openDatabase(config)), {
    onOpen: (opened) => console.log(`Store ready: ${opened.engine === 'pglite' ? 'embedded' : 'PostgreSQL'}`),
    onError: (message) => console.error(`Store unavailable, retrying in 5 s: ${message}`),
  })
  const limits = { idleMs: config.sessionIdleMs, absoluteMs: config.sessionMaxMs }

  let mode: IdentityMode
  let sessions: SessionsRepository | undefined
  if (serverKey === undefined) {
    const cipher = createKeyCipher(await readSessionSecret(config.sessionSecret, config.dataDir))
    sessions = createSessionsRepository(db, cipher, limits, now)
    mode = { kind: 'personal-key', sessions }
  } else if (demo) {
    mode = { kind: 'demo', apiKey: serverKey }
  } else {
    mode = { kind: 'shared-key', apiKey: serverKey, trustedUserHeader: config.trustedUserHeader }
  }
  const contextFor = createRequestContexts({ mode, upstream, trustedProxies: config.trustedProxies, now })

  // The demo API writes as documented; a real API's writes are unverified until the deployment names them.
  const writes = { modeName: mode.kind, operations: new Set(demo ? WRITE_OPERATIONS : config.taskWrites) }
  const changeLog = createChangeLog(db, now)
  const writeLimits = {
    writeLimit: createRateLimit(config.taskWritesPerMinute, 60_000, now),
    addressWriteLimit: createRateLimit(config.taskWritesPerMinute * WRITERS_PER_ADDRESS, 60_000, now),
  }
  const jobs = createJobsRepository(db, now)
  const runner = createJobRunner({
    jobs,
    budget: createWriteBudget(db, config.jobWritesPerMinute, now),
    log: changeLog,
    upstream,
    isAllowedPicture: options.isAllowedPicture,
    keyFor: async (keyRef) =>
      keyRef === 'server' ? serverKey : ((await sessions?.keyOf(keyRef.replace(/^session:/, ''))) ?? null),
    // The data directory's lock keeps every other server off an embedded store.
    soleServer: () => db.engine === 'pglite',
    leaseMs: config.jobLeaseMs,
  })
  const sharedFigures = createSharedFigures(db, now)
  const figures = createFigureRoutes({
    upstream,
    budgetPerMinute: config.countBudgetPerMinute,
    workloadMaxTasks: config.workloadMaxTasks,
    now,
    sharedFigures,
    shareBudget: (own) => createSharedBudget(db, config.countBudgetPerMinute, own),
  })
  // Every change applied through any app server on this store: figures are taken again, browsers told.
  const feed = createTaskFeed(db)
  feed.subscribe((event) => figures.expireCompany(event.companyId))
  const streams = createEventStreamRoutes({ feed, contextFor })
  const views = createViewsRepository(db, now)
  const history = createViewHistory(db, views, now)
  const prefs = createViewPreferences(db, views, now)
  const route = createAppRouter<RequestContext>(
    [
      // `/app/counts`, `/app/workload`
      ...figures.routes,
      // `/app/events`
      ...streams.routes,
      // `/app/export`, `/app/export/size`
      ...createExportRoutes({
        upstream,
        cancelLimit: createRateLimit(config.viewWritesPerMinute, 60_000, now),
        counts: figures.counts,
        budget: figures.budget,
        backoff: figures.backoff,
        maxRows: config.exportMaxRows,
        now,
      }),
      // `/app/session`
      ...createSessionRoutes({
        modeName: mode.kind,
        sessions,
        limits,
        upstream,
        trustedProxies: config.trustedProxies,
        signInLimit: createRateLimit(10, 60_000, now),
        writableOperations: (context) => writableOperations(writes, context),
      }),
      // `/app/tasks/<id>/changes`
      ...createTaskWriteRoutes({
        ...writes,
        upstream,
        isAllowedPicture: options.isAllowedPicture,
        ...writeLimits,
        log: changeLog,
      }),
      // `/app/task-jobs…`
      ...createTaskJobRoutes({ ...writes, ...writeLimits, jobs, onCreated: runner.wake }),
      // `/app/views…`, `/app/default-view`, short links `/v/<id>`
      ...createViewsRoutes({
        views,
        history,
        prefs,
        writeLimit: createRateLimit(config.viewWritesPerMinute, 60_000, now),
        // Room for a few colleagues saving at full speed from one address (an office without a trusted proxy).
        addressWriteLimit: createRateLimit(config.viewWritesPerMinute * WRITERS_PER_ADDRESS, 60_000, now),
      }),
    ],
    { isSecure: (req) => isHttps(req, config.trustedProxies) },
  )

  const purge = async () => {
    try {
      await history.purgeTrash()
      await sessions?.purgeExpired()
      await changeLog.purgeOld()
      await jobs.purgeOld()
      await sharedFigures.purgeOlderThan(HOUR_MS)
    } catch (error) {
      console.error('Purging old views and sessions failed:', error instanceof Error ? error.message : error)
    }
  }
  void db.ready.then(purge)
  void db.ready.then(() => runner.start())
  void db.ready.then(() => feed.start())
  const timer = setInterval(() => void purge(), HOUR_MS)
  timer.unref()

  return {
    handle: route,
    contextFor,
    async hasDefaultView(context) {
      try {
        const { actor } = await context.identity()
        return actor ? (await prefs.getDefault(actor)) !== null : false
      } catch {
        return false
      }
    },
    ready: db.ready,
    describe: `${config.databaseUrl ? 'PostgreSQL store' : `embedded store in ${config.dataDir}`}, ${mode.kind} identity`,
    async close() {
      clearInterval(timer)
      streams.closeAll()
      await runner.stop()
      await feed.stop()
      await db.close()
    },
  }
}

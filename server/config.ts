import { z } from 'zod'
import { parsePictureOrigin } from './proxy/picture-policy.ts'
import { WRITE_OPERATIONS, type WriteOperation } from '../src/shared/tasks/api/task-change.ts'

/** An optional setting: trimmed, and blank (`NAME=` in an env file) means not set; a value must pass `valid`. */
function optionalSetting<T>(valid: z.ZodType<T, string>) {
  return z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .pipe(valid.optional())
}

const upstreamUrl = z
  .url({ protocol: /^https?$/, error: 'TASKS_API_URL must be an http(s) URL such as http://127.0.0.1:3000/v2' })
  .transform((value) => value.replace(/\/+$/, ''))
  .refine((value) => {
    const { username, password } = new URL(value)
    return username === '' && password === ''
  }, 'TASKS_API_URL must not contain credentials (user:password@); the key goes in TASKS_API_KEY')

/** A comma-separated list, trimmed, empty entries left out. */
const list = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  )

const pictureOrigins = list.transform((entries, context) =>
  entries.flatMap((entry) => {
    try {
      return [parsePictureOrigin(entry)]
    } catch {
      context.addIssue({ code: 'custom', message: `"${entry}" is not a host name or an http(s) origin` })
      return []
    }
  }),
)

const writeOperations = list.transform((entries, context) =>
  entries.filter((entry): entry is WriteOperation => {
    if ((WRITE_OPERATIONS as readonly string[]).includes(entry)) return true
    context.addIssue({ code: 'custom', message: `"${entry}" is none of ${WRITE_OPERATIONS.join(', ')}` })
    return false
  }),
)

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4173),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  TASKS_API_URL: optionalSetting(upstreamUrl),
  TASKS_API_KEY: optionalSetting(z.string()),
  /** How long the app server waits for the upstream API before answering 504. */
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  /** A 1,000-row page is about 1.5 MB decoded; beyond this the answer is refused with 502. */
  UPSTREAM_BODY_MB: z.coerce.number().min(0.001).max(1000).default(20),
  UPSTREAM_CALLS: z.coerce.number().int().min(1).max(1000).default(16),
  /**
   * How long a board page waits for its first view's answer to hand it over; 0 hands nothing over. About as
   * long as the board's scripts take to arrive and start on a fresh load: an answer that comes later would hold
   * them back (they run once the page has arrived) for longer than the board's own request costs.
   */
  FIRST_VIEW_WAIT_MS: z.coerce.number().int().min(0).max(10_000).default(400),
  MAX_CONNECTIONS: z.coerce.number().int().min(1).max(100_000).default(500),
  ALLOWED_HOSTS: list,
  AVATAR_HOSTS: pictureOrigins,
  /** Upstream requests per key per minute that counting may spend; the board's own requests are not counted. */
  COUNT_BUDGET_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(240),
  /** The most active tasks the workload pages through before it says its figures cover only those. */
  WORKLOAD_MAX_TASKS: z.coerce.number().int().min(1000).max(200_000).default(20_000),
  /** The most rows one export writes; a view with more is refused before anything is read, or cut if asked. */
  EXPORT_MAX_ROWS: z.coerce.number().int().min(1).max(100_000).default(10_000),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  DATABASE_URL: optionalSetting(
    z
      .string()
      .regex(
        /^postgres(ql)?:\/\//,
        'DATABASE_URL must be a postgres:// URL such as postgres://user:password@db:5432/taskboard',
      ),
  ),
  SESSION_SECRET: optionalSetting(z.string().min(32, 'SESSION_SECRET must be at least 32 characters')),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(525_600).default(480),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(8784).default(168),
  VIEW_WRITES_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
  /** The task writes a real API has been seen to honour (`npm run check-writes`); the demo API has them all. */
  TASK_WRITES: writeOperations,
  TASK_WRITES_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  JOB_WRITES_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
  /** How long a job stays a server's without a word from it: after a crash, another server takes it over then. */
  JOB_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(120),
  TRUSTED_USER_HEADER: optionalSetting(
    z.string().regex(/^[A-Za-z0-9-]+$/, 'TRUSTED_USER_HEADER must be a header name such as X-Forwarded-Email'),
  ),
  TRUSTED_PROXIES: list,
})

export interface ServerConfig {
  port: number
  host: string
  /** Upstream API base including `/v2`; undefined means the embedded demo API. */
  upstreamUrl: string | undefined
  /** Key the server adds to upstream calls; undefined forwards the browser's key. */
  upstreamKey: string | undefined
  upstreamTimeoutMs: number
  upstreamMaxBodyBytes: number
  upstreamConcurrency: number
  /** 0: board pages carry no first view. */
  firstViewWaitMs: number
  maxConnections: number
  /** Host names the server answers for besides loopback names and its own address. */
  allowedHosts: string[]
  /** Origins pictures may come from besides this one and the API's. */
  avatarOrigins: string[]
  countBudgetPerMinute: number
  workloadMaxTasks: number
  exportMaxRows: number
  /** Embedded database and generated secrets live here. */
  dataDir: string
  /** A PostgreSQL server instead of the embedded database. */
  databaseUrl: string | undefined
  /** Encrypts session keys; generated into `dataDir` when unset. */
  sessionSecret: string | undefined
  sessionIdleMs: number
  sessionMaxMs: number
  /** Names the person in shared-key mode, when sent by one of `trustedProxies`. */
  trustedUserHeader: string | undefined
  trustedProxies: string[]
  /** Saved-view writes one session (or browser) may make per minute. */
  viewWritesPerMinute: number
  /** Task writes allowed against a real API; the demo API allows every one. */
  taskWrites: WriteOperation[]
  /** Task changes one person may make per minute. */
  taskWritesPerMinute: number
  /** Task changes the jobs of one upstream key make per minute, across every app server on the store. */
  jobWritesPerMinute: number
  /** How long a job is its server's without a renewal; a crashed server's jobs are taken over after it. */
  jobLeaseMs: number
}

/**
 * Reads the app server's settings; throws one readable error listing every
 * bad variable. The error names variables, never their values: a value may
 * be a key.
 */
export function readServerConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid environment:\n  ${problems.join('\n  ')}`)
  }
  const data = parsed.data
  const problems: string[] = []
  // Each app server would generate a secret of its own and not read the others' sessions.
  if (data.DATABASE_URL && data.TASKS_API_URL && !data.TASKS_API_KEY && !data.SESSION_SECRET) {
    problems.push('SESSION_SECRET: required with DATABASE_URL in personal-key mode, the same on every app server')
  }
  if (data.TRUSTED_USER_HEADER && data.TRUSTED_PROXIES.length === 0) {
    problems.push('TRUSTED_PROXIES: required with TRUSTED_USER_HEADER (the addresses allowed to send it)')
  }
  if (problems.length > 0) throw new Error(`Invalid environment:\n  ${problems.join('\n  ')}`)
  return {
    port: data.PORT,
    host: data.HOST,
    upstreamUrl: data.TASKS_API_URL,
    upstreamKey: data.TASKS_API_KEY,
    upstreamTimeoutMs: data.UPSTREAM_TIMEOUT_MS,
    upstreamMaxBodyBytes: Math.round(data.UPSTREAM_BODY_MB * 1_000_000),
    upstreamConcurrency: data.UPSTREAM_CALLS,
    firstViewWaitMs: data.FIRST_VIEW_WAIT_MS,
    maxConnections: data.MAX_CONNECTIONS,
    allowedHosts: data.ALLOWED_HOSTS,
    avatarOrigins: data.AVATAR_HOSTS,
    countBudgetPerMinute: data.COUNT_BUDGET_PER_MINUTE,
    workloadMaxTasks: data.WORKLOAD_MAX_TASKS,
    exportMaxRows: data.EXPORT_MAX_ROWS,
    dataDir: data.DATA_DIR,
    databaseUrl: data.DATABASE_URL,
    sessionSecret: data.SESSION_SECRET,
    sessionIdleMs: data.SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: data.SESSION_MAX_HOURS * 3_600_000,
    trustedUserHeader: data.TRUSTED_USER_HEADER,
    trustedProxies: data.TRUSTED_PROXIES,
    viewWritesPerMinute: data.VIEW_WRITES_PER_MINUTE,
    taskWrites: data.TASK_WRITES,
    taskWritesPerMinute: data.TASK_WRITES_PER_MINUTE,
    jobWritesPerMinute: data.JOB_WRITES_PER_MINUTE,
    jobLeaseMs: data.JOB_LEASE_SECONDS * 1000,
  }
}

/** The upstream client's limits these settings make (server/upstream/upstream-client.ts). */
export function upstreamLimits(config: ServerConfig) {
  return {
    timeoutMs: config.upstreamTimeoutMs,
    maxBodyBytes: config.upstreamMaxBodyBytes,
    maxConcurrent: config.upstreamConcurrency,
    // Enough for every connection to wait once; more waiting would only add latency.
    maxQueued: config.maxConnections,
  }
}

import { z } from 'zod'

const optionalUrl = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value.replace(/\/+$/, '')))
  .pipe(
    z
      .url({ protocol: /^https?$/, error: 'TASKS_API_URL must be an http(s) URL such as http://127.0.0.1:3000/v2' })
      .optional(),
  )

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4173),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  TASKS_API_URL: optionalUrl.optional(),
  TASKS_API_KEY: z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? value.trim() : undefined)),
  /** How long the app server waits for the upstream API before answering 504. */
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .pipe(
      z
        .string()
        .regex(
          /^postgres(ql)?:\/\//,
          'DATABASE_URL must be a postgres:// URL such as postgres://user:password@db:5432/taskboard',
        )
        .optional(),
    ),
  SESSION_SECRET: z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? value.trim() : undefined))
    .pipe(z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional()),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(525_600).default(480),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(8784).default(168),
  VIEW_WRITES_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
  TRUSTED_USER_HEADER: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9-]+$/, 'TRUSTED_USER_HEADER must be a header name such as X-Forwarded-Email')
        .optional(),
    ),
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    ),
})

export interface ServerConfig {
  port: number
  host: string
  /** Upstream API base including `/v2`; undefined means the embedded demo API. */
  upstreamUrl: string | undefined
  /** Key the server adds to upstream calls; undefined forwards the browser's key. */
  upstreamKey: string | undefined
  upstreamTimeoutMs: number
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
}

/** Reads the app server's settings; throws one readable error listing every bad variable. */
export function readServerConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid environment:\n  ${problems.join('\n  ')}`)
  }
  const { PORT, HOST, TASKS_API_URL, TASKS_API_KEY, UPSTREAM_TIMEOUT_MS } = parsed.data
  const { DATA_DIR, DATABASE_URL, SESSION_SECRET, SESSION_IDLE_MINUTES, SESSION_MAX_HOURS } = parsed.data
  const { TRUSTED_USER_HEADER, TRUSTED_PROXIES, VIEW_WRITES_PER_MINUTE } = parsed.data
  const problems: string[] = []
  // Each app server would generate a secret of its own and not read the others' sessions.
  if (DATABASE_URL && TASKS_API_URL && !TASKS_API_KEY && !SESSION_SECRET) {
    problems.push('SESSION_SECRET: required with DATABASE_URL in personal-key mode, the same on every app server')
  }
  if (TRUSTED_USER_HEADER && TRUSTED_PROXIES.length === 0) {
    problems.push('TRUSTED_PROXIES: required with TRUSTED_USER_HEADER (the addresses allowed to send it)')
  }
  if (problems.length > 0) throw new Error(`Invalid environment:\n  ${problems.join('\n  ')}`)
  return {
    port: PORT,
    host: HOST,
    upstreamUrl: TASKS_API_URL,
    upstreamKey: TASKS_API_KEY,
    upstreamTimeoutMs: UPSTREAM_TIMEOUT_MS,
    dataDir: DATA_DIR,
    databaseUrl: DATABASE_URL,
    sessionSecret: SESSION_SECRET,
    sessionIdleMs: SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: SESSION_MAX_HOURS * 3_600_000,
    trustedUserHeader: TRUSTED_USER_HEADER,
    trustedProxies: TRUSTED_PROXIES,
    viewWritesPerMinute: VIEW_WRITES_PER_MINUTE,
  }
}

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
  /** Upstream requests per key per minute that counting may spend; the board's own requests are not counted. */
  COUNT_BUDGET_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(240),
  /** The most active tasks the workload pages through before it says its figures cover only those. */
  WORKLOAD_MAX_TASKS: z.coerce.number().int().min(1000).max(200_000).default(20_000),
})

export interface ServerConfig {
  port: number
  host: string
  /** Upstream API base including `/v2`; undefined means the embedded demo API. */
  upstreamUrl: string | undefined
  /** Key the server adds to upstream calls; undefined forwards the browser's key. */
  upstreamKey: string | undefined
  upstreamTimeoutMs: number
  countBudgetPerMinute: number
  workloadMaxTasks: number
}

/** Reads the app server's settings; throws one readable error listing every bad variable. */
export function readServerConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid environment:\n  ${problems.join('\n  ')}`)
  }
  const { PORT, HOST, TASKS_API_URL, TASKS_API_KEY, UPSTREAM_TIMEOUT_MS } = parsed.data
  return {
    port: PORT,
    host: HOST,
    upstreamUrl: TASKS_API_URL,
    upstreamKey: TASKS_API_KEY,
    upstreamTimeoutMs: UPSTREAM_TIMEOUT_MS,
    countBudgetPerMinute: parsed.data.COUNT_BUDGET_PER_MINUTE,
    workloadMaxTasks: parsed.data.WORKLOAD_MAX_TASKS,
  }
}

import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { errorAnswer, jsonAnswer, toRawAnswer, writeAnswer, type JsonAnswer, type RawAnswer } from './answer.ts'
import { createApiKeyCheck } from './api-key.ts'
import { createApiRouter } from './api-router.ts'
import { answerAvatar, AVATAR_PATH_PREFIX } from './avatars.ts'
import { generateDemoData } from './data.ts'
import { handleFaultControl } from './fault-control.ts'
import { applyFault, createFaultQueue, type FaultOutcome } from './faults.ts'
import { readJsonBody } from '../http/read-json-body.ts'
import { isCrossSiteRequest } from '../http/cross-site-guard.ts'

export const DEFAULT_DEMO_API_KEY = 'demo-key:demo-secret'
export const DEFAULT_DEMO_SEED = 20_240_611
export const MAX_DEMO_TASKS = 100_000
/** Where tests queue faults; outside the API base, like the avatars. */
export const FAULTS_PATH = '/__demo/faults'
/** The e-mails completing a task sent (tests look that none went unasked). */
export const OUTBOX_PATH = '/__demo/outbox'
/** `POST /__demo/tasks/{id}`: a colleague changes a task. */
export const COLLEAGUE_PATH = '/__demo/tasks/'

export interface DemoApiConfig {
  /** The only key accepted, as `x-API-Key` or `Authorization: Bearer`. */
  apiKey: string
  /** Number of generated tasks, up to 100,000. */
  taskCount: number
  /** Delay added to every API answer, in ms. */
  latencyMs: number
  /** Whether `/__demo/faults` answers (otherwise it is 404). */
  faultsEnabled: boolean
  /**
   * Send `X-Total-Count` on task lists. The live API sends no total; this
   * lets a client's "of N" be tried. A request can also ask with `x-demo-total: 1`.
   */
  totalCount?: boolean
  /** Epoch ms that "today" is relative to; `Date.now()` at creation when absent. */
  now?: number
  /** Seed of the generated data; the same seed (and day) gives the same data. */
  seed?: number
}

export interface DemoApi {
  /** Answers one API request. `url` is the path and query relative to the API base `/v2`, e.g. `/tasks/?limit=5` or `/users/self`. */
  handleApi(req: IncomingMessage, res: ServerResponse, url: string): void
  /** Answers `/__demo/faults` (POST adds, DELETE clears) and `/demo-avatars/<file>.svg`; returns false when the path is not one of those so the caller can go on. `url` is the full request path and query. */
  handleExtras(req: IncomingMessage, res: ServerResponse, url: string): boolean
}

/**
 * An independent implementation of the vendor's tasks API over generated
 * data, for development, demos and tests. Everything is generated and
 * indexed here, once; the task writes change tasks in memory (a restart
 * starts from the generated data again).
 */
export function createDemoApi(config: DemoApiConfig): DemoApi {
  const data = generateDemoData({
    seed: config.seed ?? DEFAULT_DEMO_SEED,
    now: config.now ?? Date.now(),
    taskCount: config.taskCount,
  })
  const route = createApiRouter(data)
  // Any user but the key's own: the demo's "colleague" who changes tasks meanwhile.
  const colleague = data.users[1] ?? data.self
  const faults = createFaultQueue()
  const userIds = new Set(data.users.map((user) => user._id))
  const acceptsKey = createApiKeyCheck(config.apiKey)

  function handleApi(req: IncomingMessage, res: ServerResponse, url: string): void {
    const { pathname, searchParams } = new URL(`http://demo.invalid${url.startsWith('/') ? url : `/${url}`}`)
    const method = req.method ?? 'GET'
    if (!acceptsKey(req.headers)) {
      deliver(res, plain(errorAnswer(401, 'Unauthorized: missing or invalid API key')), config.latencyMs)
      return
    }
    const withTotal = config.totalCount === true || req.headers['x-demo-total'] === '1'
    if (method === 'GET' || method === 'HEAD') {
      const fault = faults.take(pathname, method, searchParams)
      const answer = route({ path: pathname, search: searchParams, withTotal })
      deliver(res, fault ? applyFault(fault, answer) : plain(answer), config.latencyMs)
      return
    }
    readJsonBody(req).then(
      (body) => {
        const fault = faults.take(pathname, method, searchParams)
        // A failing write fails before it writes; a fault that only drops fields or only delays lets it through.
        const onlyDelays = fault?.delayMs !== undefined && fault.status === undefined && fault.body === undefined
        if (fault && !fault.ignoreFields && !onlyDelays) {
          deliver(res, applyFault(fault, errorAnswer(500, 'Internal Server Error')), config.latencyMs)
          return
        }
        const answer = route({
          method,
          body,
          ignoreFields: fault?.ignoreFields,
          path: pathname,
          search: searchParams,
          withTotal,
        })
        deliver(res, plain(answer), config.latencyMs + (fault?.delayMs ?? 0))
      },
      (error: unknown) => deliver(res, plain(errorAnswer(400, (error as Error).message)), config.latencyMs),
    )
  }

  function handleExtras(req: IncomingMessage, res: ServerResponse, url: string): boolean {
    const pathname = url.split('?')[0] ?? ''
    if (pathname === FAULTS_PATH) {
      if (!config.faultsEnabled) writeAnswer(res, toRawAnswer(errorAnswer(404, 'Not found')))
      else handleFaultControl(req, res, faults)
      return true
    }
    if (pathname === OUTBOX_PATH || pathname.startsWith(COLLEAGUE_PATH)) {
      if (!config.faultsEnabled) writeAnswer(res, toRawAnswer(errorAnswer(404, 'Not found')))
      else handleWriteControl(req, res, pathname)
      return true
    }
    if (pathname.startsWith(AVATAR_PATH_PREFIX)) {
      answerAvatar(req, res, pathname.slice(AVATAR_PATH_PREFIX.length), userIds)
      return true
    }
    return false
  }

  /**
   * `GET /__demo/outbox`: the e-mails completing tasks sent. `POST
   * /__demo/tasks/{id}` with task fields: a colleague's change, made as
   * another user of the company (as the vendor's own apps would).
   */
  function handleWriteControl(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (isCrossSiteRequest(req)) {
      writeAnswer(res, toRawAnswer(errorAnswer(403, 'Cross-site requests may not change the demo API')))
      return
    }
    if (pathname === OUTBOX_PATH) {
      writeAnswer(res, toRawAnswer(jsonAnswer(route.tasks.outbox())))
      return
    }
    if (req.method !== 'POST') {
      writeAnswer(
        res,
        toRawAnswer(errorAnswer(405, `Method ${req.method ?? ''} is not allowed here`, { allow: 'POST' })),
      )
      return
    }
    const id = decodeURIComponent(pathname.slice(COLLEAGUE_PATH.length))
    readJsonBody(req).then(
      (body) => writeAnswer(res, toRawAnswer(route.tasks.patch(id, body, colleague._id))),
      (error: unknown) => writeAnswer(res, toRawAnswer(errorAnswer(400, (error as Error).message))),
    )
  }

  return { handleApi, handleExtras }
}

function plain(answer: JsonAnswer): FaultOutcome {
  return { kind: 'answer', answer: toRawAnswer(answer), delayMs: 0 }
}

/**
 * Sends the answer after the configured latency and any fault delay. A
 * client that gives up first cancels the timer; a hanging fault sends
 * nothing and holds no timer, so the socket stays open until the client (or
 * the server's shutdown) closes it.
 */
function deliver(res: ServerResponse, outcome: FaultOutcome, latencyMs: number): void {
  if (outcome.kind === 'hang') return
  const wait = latencyMs + outcome.delayMs
  if (wait <= 0) {
    writeAnswer(res, outcome.answer)
    return
  }
  const send = (answer: RawAnswer) => {
    res.off('close', cancel)
    writeAnswer(res, answer)
  }
  const timer = setTimeout(send, wait, outcome.answer)
  const cancel = () => clearTimeout(timer)
  res.once('close', cancel)
}

/** "1" switches on, "0" or nothing leaves off; anything else is a mistake worth reporting. */
function flag(name: string) {
  return z
    .enum(['', '0', '1'], { error: `${name} must be 1 (on) or 0 (off)` })
    .optional()
    .transform((value) => value === '1')
}

function wholeNumber(name: string, min: number, max: number, fallback: number) {
  return z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === undefined || value === '' ? String(fallback) : value))
    .pipe(
      z
        .string()
        .regex(/^\d+$/, `${name} must be a whole number from ${min} to ${max}`)
        .transform(Number)
        .pipe(z.number().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`)),
    )
}

const envSchema = z.object({
  DEMO_API_KEY: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || DEFAULT_DEMO_API_KEY)
    .pipe(
      z
        .string()
        .regex(/^[\x21-\x7e]+$/, 'DEMO_API_KEY must be printable ASCII without spaces (it travels in a header)'),
    ),
  DEMO_TASKS: wholeNumber('DEMO_TASKS', 0, MAX_DEMO_TASKS, 5000),
  DEMO_LATENCY_MS: wholeNumber('DEMO_LATENCY_MS', 0, 60_000, 0),
  DEMO_FAULTS: flag('DEMO_FAULTS'),
  DEMO_TOTAL_COUNT: flag('DEMO_TOTAL_COUNT'),
  DEMO_SEED: wholeNumber('DEMO_SEED', 0, 0xffff_ffff, DEFAULT_DEMO_SEED),
})

/**
 * The demo API's settings from the environment: `DEMO_API_KEY`,
 * `DEMO_TASKS`, `DEMO_LATENCY_MS`, `DEMO_FAULTS`, `DEMO_TOTAL_COUNT`,
 * `DEMO_SEED`. Throws one Error naming every bad variable.
 */
export function readDemoApiConfig(env: NodeJS.ProcessEnv): DemoApiConfig {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => issue.message)
    throw new Error(`Invalid demo API environment:\n  ${problems.join('\n  ')}`)
  }
  const { DEMO_API_KEY, DEMO_TASKS, DEMO_LATENCY_MS, DEMO_FAULTS, DEMO_TOTAL_COUNT, DEMO_SEED } = parsed.data
  return {
    apiKey: DEMO_API_KEY,
    taskCount: DEMO_TASKS,
    latencyMs: DEMO_LATENCY_MS,
    faultsEnabled: DEMO_FAULTS,
    totalCount: DEMO_TOTAL_COUNT,
    seed: DEMO_SEED,
  }
}

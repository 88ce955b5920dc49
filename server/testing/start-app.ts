import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createAppServer, type RequestHandler } from '../app-server.ts'
import { createAppServices, type AppServices } from '../app-services.ts'
import { readServerConfig, upstreamLimits } from '../config.ts'
import { createDemoApi, type DemoApiConfig } from '../demo-api/demo-api.ts'
import { startDemoServer } from '../demo-api/demo-server.ts'
import { createAppRouter } from '../http/app-router.ts'
import { DEFAULT_REQUEST_LIMITS, type RequestLimits } from '../http/request-limits.ts'
import type { ContextFor } from '../identity/request-context.ts'
import { createUpstreamClient, type UpstreamClient, type UpstreamClientOptions } from '../upstream/upstream-client.ts'
import { createFigureRoutes } from '../workload/figure-routes.ts'
import { keyContexts } from './key-contexts.ts'
import { createPicturePolicy } from '../proxy/picture-policy.ts'

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '../..')

/** The key of the demo API started with an app server, and so the server's own key in demo mode. */
export const DEMO_KEY = 'demo-key:demo-secret'
/** A second demo API started beside it, another company: its key, its own generated users. */
export const OTHER_COMPANY_KEY = 'other-key:other-secret'

/**
 * How a test's app server is set up: the same shape whether it runs in the
 * test's process (`startApp`) or as its own (`startAppProcess`).
 */
export interface AppOptions {
  /**
   * demo: no TASKS_API_URL, the demo's key is the server's; shared-key:
   * TASKS_API_KEY; personal-key: TASKS_API_URL only, each person signs in
   * with their own key (or the browser sends it).
   */
  mode?: 'demo' | 'shared-key' | 'personal-key'
  /**
   * The tasks API's base (with `/v2`) for the shared- and personal-key modes.
   * Without it, demo APIs are started with the app (one per company; in this
   * process only).
   */
  upstream?: string
  /** The shared key (TASKS_API_KEY); the demo's by default. */
  serverKey?: string
  /** Any other setting, as server/config.ts reads it from the environment; DATA_DIR is a fresh folder unless given. */
  env?: Record<string, string>
}

/** What only an app server in the test's own process can take. */
export interface InProcessOptions extends AppOptions {
  /** The store, sessions and saved views under `/app/`; without them (false) the server starts in milliseconds. */
  store?: boolean
  /** The clock of the store and the figures. */
  now?: () => number
  /** Serves the pages; a stand-in that answers "spa" unless given. */
  frontend?: (parts: { services: AppServices | undefined; upstream: UpstreamClient }) => RequestHandler
  /** Each request's context, when a test says itself who asks and with which key (without a store only). */
  contextFor?: ContextFor
  /** The front door's limits (header and request timeouts), when a test needs them shorter. */
  limits?: Partial<RequestLimits>
  /** The upstream client's limits beyond what the environment sets (its queue follows MAX_CONNECTIONS). */
  client?: Partial<UpstreamClientOptions>
  /**
   * Stands between the app's own routes (the figures; with a store also
   * identity and sessions) and the upstream: a flaky or slow upstream. The
   * proxy under `/api/` keeps the plain client.
   */
  wrapFigures?: (client: UpstreamClient) => UpstreamClient
  /** Settings of the demo API started for DEMO_KEY's company (20 tasks, no faults unless given). */
  demo?: Partial<DemoApiConfig>
}

export interface RunningApp {
  /** Origin, e.g. http://127.0.0.1:41234 */
  url: string
  /** A raw HTTP call; writes get the board's headers unless `headers` replaces them. */
  call(method: string, path: string, options?: CallOptions): Promise<Answer>
  stop(): Promise<void>
}

export interface InProcessApp extends RunningApp {
  /** The origin of the demo API started for DEMO_KEY's company (its `/__demo/…` controls); undefined with `upstream`. */
  demoOrigin: string | undefined
  /** Upstream requests the app's own routes have made so far (without a store: the figures' alone). */
  upstreamRequests(): number
}

export interface AppProcess extends RunningApp {
  pid: number
  output: () => string
}

export interface CallOptions {
  body?: unknown
  cookie?: string
  headers?: Record<string, string>
  /** Leave out the Origin, custom and content-type headers a board write carries. */
  bare?: boolean
}

export interface Answer {
  status: number
  headers: IncomingHttpHeaders
  json: Record<string, unknown>
  text: string
}

/** The settings a mode stands for, as server/main.ts reads them. */
function modeEnv(
  { mode = 'demo', upstream, serverKey = DEMO_KEY }: AppOptions,
  started?: string,
): Record<string, string> {
  if (mode === 'demo') return {}
  const url = upstream ?? started
  if (!url) throw new Error(`A ${mode} app server needs the tasks API's address (upstream)`)
  return { TASKS_API_URL: url, ...(mode === 'shared-key' ? { TASKS_API_KEY: serverKey } : {}) }
}

/**
 * The app server, composed as server/main.ts composes it, in the test's own
 * process on a free loopback port, with a data folder of its own. Without
 * `upstream` it stands in front of two demo APIs (DEMO_KEY's company and
 * OTHER_COMPANY_KEY's), each person's `/users/self` asked of their own.
 */
export async function startApp(options: InProcessOptions = {}): Promise<InProcessApp> {
  const { mode = 'demo', store = true, now } = options
  const closers: (() => Promise<void>)[] = []
  const dataDir = await mkdtemp(join(tmpdir(), 'task-board-app-'))
  closers.push(() => rm(dataDir, { recursive: true, force: true }))

  let baseUrl = options.upstream
  let otherBaseUrl: string | undefined
  let demoOrigin: string | undefined
  if (!baseUrl) {
    const demo = await startDemoServer(
      createDemoApi({ apiKey: DEMO_KEY, taskCount: 20, latencyMs: 0, faultsEnabled: false, ...options.demo }),
      { host: '127.0.0.1', port: 0 },
    )
    const other = await startDemoServer(
      createDemoApi({ apiKey: OTHER_COMPANY_KEY, taskCount: 5, latencyMs: 0, faultsEnabled: false, seed: 7 }),
      { host: '127.0.0.1', port: 0 },
    )
    closers.unshift(
      () => demo.close(),
      () => other.close(),
    )
    baseUrl = demo.baseUrl
    demoOrigin = demo.origin
    otherBaseUrl = other.baseUrl
  }

  const config = readServerConfig({ DATA_DIR: dataDir, ...modeEnv(options, baseUrl), ...options.env })
  const serverKey = mode === 'personal-key' ? undefined : (config.upstreamKey ?? DEMO_KEY)
  const client = (base: string) => createUpstreamClient({ baseUrl: base, ...upstreamLimits(config), ...options.client })
  const toDemo = client(baseUrl)
  const toOther = otherBaseUrl === undefined ? toDemo : client(otherBaseUrl)
  // Each key reaches its own company's API, as one real upstream would tell them apart.
  const upstream: UpstreamClient = (request) => (request.key === OTHER_COMPANY_KEY ? toOther : toDemo)(request)

  let requests = 0
  const wrapped = (options.wrapFigures ?? ((plain) => plain))(upstream)
  const counted: UpstreamClient = (request) => {
    requests += 1
    return wrapped(request)
  }

  const pictureOrigins = config.upstreamUrl
    ? [new URL(config.upstreamUrl).origin, ...config.avatarOrigins]
    : config.avatarOrigins
  let services: AppServices | undefined
  if (store) {
    services = await createAppServices({
      config,
      serverKey,
      demo: mode === 'demo',
      upstream: counted,
      now,
      isAllowedPicture: createPicturePolicy(pictureOrigins),
    })
    closers.unshift(() => services!.close())
    await services.ready
  }
  const server = createAppServer({
    upstream,
    pictureOrigins,
    contextFor: services?.contextFor ?? options.contextFor ?? keyContexts(serverKey, upstream, config.trustedProxies),
    frontend: options.frontend?.({ services, upstream }) ?? standInFrontend,
    bindHost: config.host,
    allowedHosts: config.allowedHosts,
    limits: { ...DEFAULT_REQUEST_LIMITS, maxConnections: config.maxConnections, ...options.limits },
    appRoutes:
      services?.handle ??
      createAppRouter(
        createFigureRoutes({
          upstream: counted,
          budgetPerMinute: config.countBudgetPerMinute,
          workloadMaxTasks: config.workloadMaxTasks,
          now,
        }).routes,
      ),
  })
  // Always loopback: HOST names the address the server believes it is bound to, which its host check reads.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  closers.unshift(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  )

  return {
    url,
    demoOrigin,
    call: (method, path, callOptions = {}) => call(url, method, path, callOptions),
    upstreamRequests: () => requests,
    async stop() {
      for (const close of closers) await close()
    },
  }
}

const standInFrontend: RequestHandler = (_req, res) => {
  res.end('spa')
  return Promise.resolve()
}

/**
 * The app server as its own process (`server/main.ts`, as deployed), for the
 * browser tests and the benchmarks. It resolves once the store has opened or
 * failed to: creating an embedded store is seconds of work on the server's
 * one thread (more on a loaded machine), which a test's first page should
 * not wait behind. `args` are main.ts's own flags.
 */
export async function startAppProcess(options: AppOptions & { args?: string[] } = {}): Promise<AppProcess> {
  const env = { ...modeEnv(options), ...options.env }
  const dataDir = env.DATA_DIR ?? (await mkdtemp(join(tmpdir(), 'task-board-data-')))
  const server = await startProcess(
    'server/main.ts',
    options.args ?? [],
    { DATA_DIR: dataDir, ...env },
    /Task Board on (http:\/\/[^/\s]+)/,
    /Store (ready|unavailable)/,
  )
  return {
    ...server,
    call: (method, path, callOptions = {}) => call(server.url, method, path, callOptions),
    stop: async () => {
      await server.stop()
      if (!env.DATA_DIR) await rm(dataDir, { recursive: true, force: true })
    },
  }
}

export interface RunningProcess {
  url: string
  pid: number
  output: () => string
  stop: () => Promise<void>
}

/**
 * Starts one of the project's servers as its own process on a free port and
 * resolves once it prints its address (`pattern` captures the origin) and,
 * with `ready`, a line that matches it too.
 */
export async function startProcess(
  script: string,
  args: string[],
  env: Record<string, string>,
  pattern: RegExp,
  ready?: RegExp,
): Promise<RunningProcess> {
  const child = spawn(process.execPath, [join(projectRoot, script), ...args], {
    cwd: projectRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start in time:\n${output}`)), 60_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = pattern.exec(output)
      if (match?.[1] && (!ready || ready.test(output))) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${script} exited with ${code}:\n${output}`))
    })
  })
  return { url, pid: child.pid ?? 0, output: () => output, stop: () => stopChild(child) }
}

function stopChild(child: ChildProcess): Promise<void> {
  // Ended already: exited, or killed by a signal (a test's SIGKILL), when exitCode stays null.
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

function call(
  origin: string,
  method: string,
  path: string,
  { body, cookie, headers = {}, bare = false }: CallOptions,
): Promise<Answer> {
  const { hostname, port } = new URL(origin)
  const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
  const boardHeaders =
    method === 'GET' || bare ? {} : { origin, 'x-task-board': '1', 'content-type': 'application/json' }
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        hostname,
        port: Number(port),
        path,
        method,
        headers: {
          ...boardHeaders,
          ...(text === undefined ? {} : { 'content-length': String(Buffer.byteLength(text)) }),
          ...(cookie ? { cookie } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8')
          let json: Record<string, unknown> = {}
          try {
            json = raw ? (JSON.parse(raw) as Record<string, unknown>) : {}
          } catch {
            // Not JSON (a redirect, the SPA): `text` has it.
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json, text: raw })
        })
      },
    )
    req.on('error', reject)
    req.end(text)
  })
}

/** The `name=value` part of a Set-Cookie answer, for the next request. */
export function cookieFrom(answer: Answer, name: string): string | undefined {
  const line = (answer.headers['set-cookie'] ?? []).find((cookie) => cookie.startsWith(`${name}=`))
  return line?.split(';')[0]
}

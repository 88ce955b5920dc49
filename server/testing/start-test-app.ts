import { mkdtemp, rm } from 'node:fs/promises'
import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAppServer, type RequestHandler } from '../app-server.ts'
import { createAppServices, type AppServices } from '../app-services.ts'
import { readServerConfig } from '../config.ts'
import { createDemoApi } from '../demo-api/demo-api.ts'
import { startDemoServer } from '../demo-api/demo-server.ts'
import { createUpstreamClient, type UpstreamClient } from '../upstream/upstream-client.ts'

export const DEMO_KEY = 'demo-key:demo-secret'
/** A second demo API, another company: its key, its own generated users. */
export const OTHER_COMPANY_KEY = 'other-key:other-secret'

export interface TestApp {
  origin: string
  /** A raw HTTP call; writes get the board's headers unless `headers` replaces them. */
  call(method: string, path: string, options?: CallOptions): Promise<Answer>
  close(): Promise<void>
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

export interface TestAppOptions {
  /** demo: no configuration; personal-key: TASKS_API_URL only; shared-key: with TASKS_API_KEY. */
  mode: 'demo' | 'personal-key' | 'shared-key'
  env?: Record<string, string>
  now?: () => number
  /** Serves the pages; a stand-in that answers "spa" unless given. */
  frontend?: (parts: { services: AppServices; upstream: UpstreamClient }) => RequestHandler
}

/**
 * A real app server on a free port in front of real demo APIs (one per
 * company), with its own data folder: the embedded store unless `env`
 * names a DATABASE_URL.
 */
export async function startTestApp({ mode, env = {}, now, frontend }: TestAppOptions): Promise<TestApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'task-board-app-'))
  const demo = await startDemoServer(
    createDemoApi({ apiKey: DEMO_KEY, taskCount: 20, latencyMs: 0, faultsEnabled: false }),
    {
      host: '127.0.0.1',
      port: 0,
    },
  )
  const other = await startDemoServer(
    createDemoApi({ apiKey: OTHER_COMPANY_KEY, taskCount: 5, latencyMs: 0, faultsEnabled: false, seed: 7 }),
    { host: '127.0.0.1', port: 0 },
  )
  const toDemo = createUpstreamClient({ baseUrl: demo.baseUrl, timeoutMs: 5000 })
  const toOther = createUpstreamClient({ baseUrl: other.baseUrl, timeoutMs: 5000 })
  // Each key reaches its own company's API, as one real upstream would tell them apart.
  const upstream: UpstreamClient = (request) => (request.key === OTHER_COMPANY_KEY ? toOther : toDemo)(request)

  const config = readServerConfig({
    DATA_DIR: dataDir,
    ...(mode === 'demo' ? {} : { TASKS_API_URL: demo.baseUrl }),
    ...(mode === 'shared-key' ? { TASKS_API_KEY: DEMO_KEY } : {}),
    ...env,
  })
  const serverKey = mode === 'personal-key' ? undefined : DEMO_KEY
  const services = await createAppServices({
    config,
    serverKey,
    demo: mode === 'demo',
    upstream,
    now,
  })
  await services.ready
  const app: Server = createAppServer({
    upstream,
    contextFor: services.contextFor,
    frontend: frontend?.({ services, upstream }) ?? standInFrontend,
    appRoutes: services.handle,
  })
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(app.address() as AddressInfo).port}`

  return {
    origin,
    call: (method, path, options = {}) => call(origin, method, path, options),
    async close() {
      app.closeAllConnections()
      await new Promise((resolve) => app.close(resolve))
      await services.close()
      await Promise.all([demo.close(), other.close()])
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

const standInFrontend: RequestHandler = (_req, res) => {
  res.end('spa')
  return Promise.resolve()
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

import { createServer, request, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAppServer, type AppServerOptions } from '../app-server.ts'
import { createUpstreamClient, type UpstreamClientOptions } from '../upstream/upstream-client.ts'
import { keyContexts } from './key-contexts.ts'

/**
 * A stand-in upstream API for raw HTTP tests of the app server: it answers
 * whatever the test tells it to (planted personal data, wrapped lists, gzip
 * bombs, echoed keys, cookies) and records what reached it.
 */
export interface HostileUpstream {
  origin: string
  seen: { url: string; headers: IncomingHttpHeaders }[]
  /** Sets how the next requests are answered. */
  respond: (answer: (url: string, res: ServerResponse) => void) => void
  close: () => Promise<void>
}

export async function startHostileUpstream(): Promise<HostileUpstream> {
  const seen: HostileUpstream['seen'] = []
  let answer: (url: string, res: ServerResponse) => void = (_url, res) => res.end('[]')
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers })
    answer(req.url ?? '', res)
  })
  const origin = await listen(server)
  return {
    origin,
    seen,
    respond: (next) => {
      answer = next
    },
    close: () => stop(server),
  }
}

export interface RunningApp {
  url: string
  server: Server
  close: () => Promise<void>
}

/** The app server in front of `upstreamOrigin`/v2, with a frontend that answers "spa". */
export async function startApp(
  upstreamOrigin: string,
  options: Partial<AppServerOptions> & { apiKey: string | undefined; client?: Partial<UpstreamClientOptions> },
): Promise<RunningApp> {
  const { apiKey, client, ...rest } = options
  const upstream = createUpstreamClient({
    baseUrl: `${upstreamOrigin}/v2`,
    timeoutMs: 2000,
    maxQueued: 100,
    ...client,
  })
  const server = createAppServer({
    upstream,
    contextFor: keyContexts(apiKey, upstream),
    frontend: (_req, res) => {
      res.end('spa')
      return Promise.resolve()
    },
    ...rest,
  })
  return { url: await listen(server), server, close: () => stop(server) }
}

export interface RawAnswer {
  status: number
  headers: IncomingHttpHeaders
  text: string
}

/** One request with the path and headers exactly as given (fetch would normalise both). */
export function rawRequest(
  origin: string,
  path: string,
  { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawAnswer> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port: Number(port), path, method, headers, agent: false }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }))
    })
    req.on('error', reject)
    req.end()
  })
}

export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}

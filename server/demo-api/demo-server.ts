import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { errorAnswer, toRawAnswer, writeAnswer } from './answer.ts'
import type { DemoApi } from './demo-api.ts'

/** The API base the demo serves under, as the vendor's servers do. */
export const API_BASE_PATH = '/v2'

export interface RunningDemoServer {
  server: Server
  /** e.g. `http://127.0.0.1:3000` */
  origin: string
  /** The API base, e.g. `http://127.0.0.1:3000/v2`, without a trailing slash. */
  baseUrl: string
  /** Stops listening and drops open connections (a hanging fault holds one open). */
  close: () => Promise<void>
}

/**
 * Serves a demo API over HTTP: the API under `/v2`, the avatars and fault
 * control beside it, 404 in the API's error shape for anything else.
 * `port: 0` picks a free port; `origin` says which.
 */
export async function startDemoServer(
  demo: DemoApi,
  { host, port }: { host: string; port: number },
): Promise<RunningDemoServer> {
  const server = createServer((req, res) => {
    const url = req.url ?? '/'
    const pathname = url.split('?')[0] ?? '/'
    if (pathname === API_BASE_PATH || pathname.startsWith(`${API_BASE_PATH}/`)) {
      demo.handleApi(req, res, url.slice(API_BASE_PATH.length) || '/')
      return
    }
    if (demo.handleExtras(req, res, url)) return
    writeAnswer(res, toRawAnswer(errorAnswer(404, 'Not found')))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { address, port: boundPort } = server.address() as AddressInfo
  const origin = `http://${address.includes(':') ? `[${address}]` : address}:${boundPort}`
  return {
    server,
    origin,
    baseUrl: `${origin}${API_BASE_PATH}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

import { existsSync, readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createAppServer, type RequestHandler } from './app-server.ts'
import { createAppServices } from './app-services.ts'
import { readServerConfig, upstreamLimits } from './config.ts'
import { createDemoApi, readDemoApiConfig } from './demo-api/demo-api.ts'
import { startDemoServer } from './demo-api/demo-server.ts'
import { loadFirstScreenRenderer } from './first-view/first-screen-renderer.ts'
import { createFirstView } from './first-view/first-view-loader.ts'
import { DEFAULT_REQUEST_LIMITS } from './http/request-limits.ts'
import { inlineStyleHashes } from './http/security-headers.ts'
import { createPicturePolicy } from './proxy/picture-policy.ts'
import { createStaticHandler } from './static-files.ts'
import { createUpstreamClient } from './upstream/upstream-client.ts'

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..')
const dev = process.argv.includes('--dev')
// Benchmark only (`npm run bench`): a second built page served under /baseline/ beside the board, same server.
const baselineRoot = process.argv.find((arg) => arg.startsWith('--baseline-root='))?.slice('--baseline-root='.length)

async function main(): Promise<void> {
  const config = readServerConfig(process.env)
  const closers: (() => Promise<void> | void)[] = []

  let baseUrl: string
  let apiKey: string | undefined
  let pictureOrigins: string[]
  let demoExtras: ReturnType<typeof createDemoApi>['handleExtras'] | undefined
  let mode: string
  if (config.upstreamUrl) {
    baseUrl = config.upstreamUrl
    apiKey = config.upstreamKey
    const { origin, pathname } = new URL(config.upstreamUrl)
    // Pictures on the API's own origin are the API's files; AVATAR_HOSTS adds its file hosts.
    pictureOrigins = [origin, ...config.avatarOrigins]
    mode = `upstream ${origin}${pathname} (${config.upstreamKey ? 'server-side key' : "the browser's key"})`
  } else {
    // The demo API runs in this process on a private loopback port, and the
    // board reaches it through the same proxy as a real API: one code path.
    const demoConfig = readDemoApiConfig(process.env)
    const demo = createDemoApi(demoConfig)
    const internal = await startDemoServer(demo, { host: '127.0.0.1', port: 0 })
    closers.push(() => internal.close())
    baseUrl = internal.baseUrl
    apiKey = demoConfig.apiKey
    // Demo pictures are served on the board's own origin; its private port is no picture host.
    pictureOrigins = config.avatarOrigins
    demoExtras = (req, res, url) => demo.handleExtras(req, res, url)
    // The key stays unsaid: the server adds it itself, and a log is no place for a key.
    mode = `demo API (${demoConfig.taskCount} tasks)`
  }

  const upstream = createUpstreamClient({ baseUrl, ...upstreamLimits(config) })
  const services = await createAppServices({
    config,
    serverKey: apiKey,
    demo: !config.upstreamUrl,
    upstream,
    isAllowedPicture: createPicturePolicy(pictureOrigins),
  })
  closers.push(() => services.close())
  mode += `, ${services.describe}`

  // In development Vite serves the source and renders the first screen from it; otherwise the built files do.
  const vite = dev ? await (await import('./vite-dev.ts')).createViteHandler(projectRoot) : null
  if (vite) closers.push(vite.close)
  const renderer = vite ? vite.renderer : await loadFirstScreenRenderer(join(projectRoot, 'dist-server'))
  // Without the board's server-side build, pages go out as built and the board asks for its first view itself.
  const firstView =
    config.firstViewWaitMs > 0 && renderer
      ? createFirstView({
          upstream,
          hasDefaultView: services.hasDefaultView,
          isAllowedPicture: createPicturePolicy(pictureOrigins),
          waitMs: config.firstViewWaitMs,
          renderer,
        })
      : undefined
  let frontend: RequestHandler = vite
    ? vite.handler(firstView)
    : createStaticHandler(join(projectRoot, 'dist'), { firstView })
  // The built page carries its first stylesheet inline: the CSP allows exactly that one by its hash.
  const builtPage = join(projectRoot, 'dist', 'index.html')
  const styleHashes = !vite && existsSync(builtPage) ? inlineStyleHashes(readFileSync(builtPage, 'utf8')) : []
  // The baseline gets no first view: it is the bare page the board is measured against.
  if (baselineRoot) frontend = withBaseline(frontend, createStaticHandler(baselineRoot))

  const server = createAppServer({
    upstream,
    contextFor: services.contextFor,
    frontend,
    demoExtras,
    contentSecurityPolicy: !dev,
    styleHashes,
    bindHost: config.host,
    allowedHosts: config.allowedHosts,
    pictureOrigins,
    limits: { ...DEFAULT_REQUEST_LIMITS, maxConnections: config.maxConnections },
    appRoutes: services.handle,
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, resolve)
  })
  const { port } = server.address() as AddressInfo
  const host = config.host.includes(':') ? `[${config.host}]` : config.host
  console.log(`Task Board on http://${host}:${port}/tasks — ${dev ? 'development' : 'production'}, ${mode}`)

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`${signal}: shutting down`)
    server.close()
    server.closeAllConnections()
    void Promise.all(closers.map(async (close) => close())).then(() => process.exit(0))
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

/** Paths under /baseline/ go to the baseline's files, with the prefix taken off; every other path to the board. */
function withBaseline(board: RequestHandler, baseline: RequestHandler): RequestHandler {
  return (req, res, pathname, context) =>
    pathname.startsWith('/baseline/')
      ? baseline(req, res, pathname.slice('/baseline'.length), context)
      : board(req, res, pathname, context)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})

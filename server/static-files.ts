import { readFile, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { FirstView } from './first-view/first-view-loader.ts'
import type { RequestHandler } from './identity/request-context.ts'
import { sendBoardPage } from './first-view/send-board-page.ts'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
}
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt'])

interface CachedFile {
  body: Buffer
  gzipped: Buffer | null
  contentType: string
}

/**
 * Serves the built SPA from `root`. Hashed assets under /assets/ are cached
 * for a year (their names change with their content); index.html is always
 * revalidated. Any other path without a file extension, and every path under
 * /tasks/, gets index.html, so a reload of any task link works (history fallback). Files are read once and
 * kept, gzipped where it pays. With `firstView`, a board page carries the
 * first view's answer (and is then never cached).
 */
export function createStaticHandler(root: string, { firstView }: { firstView?: FirstView } = {}): RequestHandler {
  const cache = new Map<string, CachedFile>()

  async function load(file: string): Promise<CachedFile | null> {
    const hit = cache.get(file)
    if (hit) return hit
    try {
      if (!(await stat(file)).isFile()) return null
      const body = await readFile(file)
      const extension = extname(file)
      const entry: CachedFile = {
        body,
        gzipped: COMPRESSIBLE.has(extension) && body.length > 1024 ? gzipSync(body) : null,
        contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream',
      }
      cache.set(file, entry)
      return entry
    } catch {
      return null
    }
  }

  return async function serveStatic(req, res, pathname, context) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' })
      res.end('Method not allowed')
      return
    }
    let decoded: string
    try {
      decoded = decodeURIComponent(pathname)
    } catch {
      decoded = '/'
    }
    // A task link is the board whatever it holds (a dot, a slash, a file name): the board says what it cannot open,
    // and nothing under /tasks/ is ever read from disk.
    if (!pathname.startsWith('/tasks/')) {
      if (!isPublicPath(decoded)) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        res.end('Not found')
        return
      }
      const file = normalize(join(root, decoded))
      const inside = file === root || file.startsWith(root + sep)
      const asset = inside && decoded !== '/' ? await load(file) : null
      if (asset) {
        const immutable = decoded.startsWith('/assets/')
        send(req, res, asset, immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=3600')
        return
      }
      if (extname(decoded) !== '') {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        res.end('Not found')
        return
      }
    }
    const index = await load(join(root, 'index.html'))
    if (!index) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('The app is not built: run `npm run build` first.')
      return
    }
    if (firstView && req.method === 'GET') {
      const gone = new AbortController()
      res.once('close', () => gone.abort())
      // As the browser has it (still encoded): the router must see the address the page hydrates at.
      const page = firstView(req, pathname, gone.signal, context)
      if (page) {
        await sendBoardPage(req, res, index.body, page)
        return
      }
    }
    send(req, res, index, 'no-cache')
  }
}

/**
 * Dotfiles (`.env`, `.git/`) are never part of the app, and source maps
 * would hand out the source: neither is served, whatever lies in `dist/`.
 */
function isPublicPath(decoded: string): boolean {
  return !decoded.split(/[/\\]/).some((segment) => segment.startsWith('.')) && extname(decoded) !== '.map'
}

function send(req: IncomingMessage, res: ServerResponse, file: CachedFile, cacheControl: string): void {
  const gzip = file.gzipped !== null && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
  const body = gzip && file.gzipped ? file.gzipped : file.body
  res.writeHead(200, {
    'content-type': file.contentType,
    'content-length': body.length,
    'cache-control': cacheControl,
    vary: 'accept-encoding',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  })
  res.end(req.method === 'HEAD' ? undefined : body)
}

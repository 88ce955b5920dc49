import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { FirstScreenRenderer } from '../src/shared/first-screen-contract.ts'
import type { FirstView } from './first-view/first-view-loader.ts'
import { sendBoardPage } from './first-view/send-board-page.ts'
import type { RequestHandler } from './identity/request-context.ts'

const RENDERER_MODULE = '/src/app/render-first-screen.tsx'

/**
 * Vite in middleware mode: the same app server, with HMR and on-the-fly
 * transforms instead of the built files. Loaded only by `npm run dev`.
 */
export async function createViteHandler(root: string) {
  const { createServer } = await import('vite')
  const vite = await createServer({ root, server: { middlewareMode: true }, appType: 'custom' })

  /**
   * The board's first screen rendered as in production, from the source as it
   * is now (Vite reloads a changed module), so a render that the browser
   * would not take over shows in development, not first in a build.
   */
  let current = (await vite.ssrLoadModule(RENDERER_MODULE)) as FirstScreenRenderer
  const renderer: FirstScreenRenderer = {
    renderFirstScreen: async (request) => {
      current = (await vite.ssrLoadModule(RENDERER_MODULE)) as FirstScreenRenderer
      return current.renderFirstScreen(request)
    },
    // Asked before the first view is: from the module as last loaded.
    pageAttributes: (display, acceptLanguage) => current.pageAttributes(display, acceptLanguage),
  }

  /** The front end, with the first view (and its first screen) in every board page when `firstView` is given. */
  function handler(firstView?: FirstView): RequestHandler {
    return async function handle(req, res, pathname, context) {
      await new Promise<void>((resolve) => {
        vite.middlewares(req, res, () => resolve())
      })
      if (res.headersSent) return
      // Anything Vite did not serve is an app route: answer with the transformed index.html.
      try {
        const template = await readFile(join(root, 'index.html'), 'utf8')
        const html = await vite.transformIndexHtml(pathname, template)
        const gone = new AbortController()
        res.once('close', () => gone.abort())
        const page = req.method === 'GET' ? firstView?.(req, pathname, gone.signal, context) : null
        if (page) {
          await sendBoardPage(req, res, Buffer.from(html), page)
          return
        }
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' })
        res.end(html)
      } catch (error) {
        vite.ssrFixStacktrace(error as Error)
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
        res.end(String(error))
      }
    }
  }

  return { renderer, handler, close: () => vite.close() }
}

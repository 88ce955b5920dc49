import type { IncomingMessage, ServerResponse } from 'node:http'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Vite in middleware mode: the same app server, with HMR and on-the-fly
 * transforms instead of the built files. Loaded only by `npm run dev`.
 */
export async function createViteHandler(root: string) {
  const { createServer } = await import('vite')
  const vite = await createServer({ root, server: { middlewareMode: true }, appType: 'custom' })

  async function handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    await new Promise<void>((resolve) => {
      vite.middlewares(req, res, () => resolve())
    })
    if (res.headersSent) return
    // Anything Vite did not serve is an app route: answer with the transformed index.html.
    try {
      const template = await readFile(join(root, 'index.html'), 'utf8')
      const html = await vite.transformIndexHtml(pathname, template)
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' })
      res.end(html)
    } catch (error) {
      vite.ssrFixStacktrace(error as Error)
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
      res.end(String(error))
    }
  }

  return { handle, close: () => vite.close() }
}

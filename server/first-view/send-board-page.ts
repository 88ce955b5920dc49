import type { IncomingMessage, ServerResponse } from 'node:http'
import { createGzip } from 'node:zlib'

/**
 * Sends index.html in two parts: everything before `</body>` at once (the
 * head names the scripts, so they download meanwhile), then the first view's
 * island, asked for once the head is out, and the rest. The page carries data of
 * whoever asked: no cache may keep it.
 */
export async function sendBoardPage(
  req: IncomingMessage,
  res: ServerResponse,
  html: Buffer,
  loadIsland: () => Promise<string>,
): Promise<void> {
  const text = html.toString('utf8')
  const end = text.lastIndexOf('</body>')
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    vary: 'accept-encoding',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  })
  const zipped = gzip ? createGzip() : null
  zipped?.pipe(res)
  const out = zipped ?? res

  if (end === -1) {
    out.end(text)
    return
  }
  out.write(text.slice(0, end))
  // The head goes out before the first view is asked for: nothing the API does can hold it back.
  if (zipped) await new Promise<void>((resolve) => zipped.flush(() => resolve()))
  const data = await loadIsland()
  if (res.destroyed) {
    zipped?.destroy()
    return
  }
  out.end(data + text.slice(end))
}

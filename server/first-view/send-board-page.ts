import type { IncomingMessage, ServerResponse } from 'node:http'
import { createGzip } from 'node:zlib'
import type { PageAttributes } from '../../src/shared/first-screen-contract.ts'
import type { BoardPage } from './first-view-loader.ts'

const ROOT = '<div id="root"></div>'

/**
 * Sends index.html in two parts: everything before the app's root at once
 * (the head names the scripts, so they download meanwhile), then the first
 * view, asked for once the head is out: the first screen's markup inside the
 * root, the answer's island after it, and the rest. The page carries data of
 * whoever asked: no cache may keep it.
 */
export async function sendBoardPage(
  req: IncomingMessage,
  res: ServerResponse,
  html: Buffer,
  page: BoardPage,
): Promise<void> {
  const text = withAttributes(html.toString('utf8'), page.attributes)
  const root = text.indexOf(ROOT)
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

  if (root === -1) {
    out.end(text)
    return
  }
  out.write(text.slice(0, root))
  // The head goes out before the first view is asked for: nothing the API does can hold it back.
  if (zipped) await new Promise<void>((resolve) => zipped.flush(() => resolve()))
  const { markup, island } = await page.load()
  if (res.destroyed) {
    zipped?.destroy()
    return
  }
  out.end(`<div id="root">${markup}</div>${island}${text.slice(root + ROOT.length)}`)
}

/**
 * The browser's language and chosen theme on `<html>`, so markup rendered on
 * the server reads and looks as the board will before its scripts run. Both
 * come from fixed lists, never from the request's text.
 */
function withAttributes(text: string, attributes: PageAttributes): string {
  const theme = attributes.theme === null ? '' : ` data-theme="${attributes.theme}"`
  return text.replace(/<html lang="[a-z]+">/, `<html lang="${attributes.lang}"${theme}>`)
}

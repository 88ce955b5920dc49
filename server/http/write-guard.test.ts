import type { IncomingMessage } from 'node:http'
import { expect, test } from 'vitest'
import { refuseCrossSiteWrite } from './write-guard.ts'

const request = (headers: Record<string, string>) =>
  ({ headers: { host: 'board.example:4173', ...headers } }) as unknown as IncomingMessage
const good = {
  origin: 'http://board.example:4173',
  'x-task-board': '1',
  'content-type': 'application/json; charset=utf-8',
}

test.each([
  ['a same-origin write', good, null],
  ['Sec-Fetch-Site alone', { ...good, origin: '', 'sec-fetch-site': 'same-origin' }, null],
  ['another origin', { ...good, origin: 'http://evil.example' }, 403],
  ['a same-site subdomain', { ...good, origin: 'http://a.board.example:4173' }, 403],
  ['cross-site by fetch metadata', { ...good, 'sec-fetch-site': 'cross-site' }, 403],
  ['same-site by fetch metadata', { ...good, 'sec-fetch-site': 'same-site' }, 403],
  ['no origin at all', { ...good, origin: '' }, 403],
  ['no custom header', { ...good, 'x-task-board': '' }, 403],
  ['a form body', { ...good, 'content-type': 'application/x-www-form-urlencoded' }, 415],
  ['text/plain', { ...good, 'content-type': 'text/plain' }, 415],
])('%s', (_name, headers, status) => {
  const present = Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== ''))
  expect(refuseCrossSiteWrite(request(present))?.status ?? null).toBe(status)
})

test('over https, a page of the same host served over plain http cannot write; the other way round can', () => {
  const plainPage = request({ ...good, origin: 'http://board.example:4173' })
  expect(refuseCrossSiteWrite(plainPage, { secure: true })?.status).toBe(403)
  const securePage = request({ ...good, origin: 'https://board.example:4173' })
  expect(refuseCrossSiteWrite(securePage, { secure: true })).toBeNull()
  // Behind a TLS proxy the server was not told of, the page is https and the request plain: still the board.
  expect(refuseCrossSiteWrite(securePage, { secure: false })).toBeNull()
})

import type { IncomingMessage } from 'node:http'
import { expect, test } from 'vitest'
import { clientAddress } from './client-address.ts'

const TRUSTED = ['127.0.0.1', '10.0.0.2']

function from(peer: string, forwarded?: string | string[]): IncomingMessage {
  const lines = forwarded === undefined ? undefined : Array.isArray(forwarded) ? forwarded : [forwarded]
  return {
    socket: { remoteAddress: peer },
    headersDistinct: lines ? { 'x-forwarded-for': lines } : {},
  } as unknown as IncomingMessage
}

test.each([
  ['a direct client, whatever it claims', from('198.51.100.4', '203.0.113.7'), '198.51.100.4'],
  ['behind a trusted proxy: the address it was reached from', from('127.0.0.1', '203.0.113.7'), '203.0.113.7'],
  ['what a client wrote further left is not believed', from('127.0.0.1', '1.2.3.4, 203.0.113.7'), '203.0.113.7'],
  ['through two trusted proxies', from('::ffff:127.0.0.1', '203.0.113.7, 10.0.0.2'), '203.0.113.7'],
  ['two header lines read as one list', from('127.0.0.1', ['1.2.3.4', '203.0.113.7']), '203.0.113.7'],
  ['IPv6', from('127.0.0.1', '2001:db8::1'), '2001:db8::1'],
  ['no header: the proxy itself', from('127.0.0.1'), '127.0.0.1'],
  ['something that is no address: the proxy', from('127.0.0.1', 'evil<script>'), '127.0.0.1'],
  ['only trusted hops: the proxy', from('127.0.0.1', '10.0.0.2'), '127.0.0.1'],
])('%s', (_case, req, address) => {
  expect(clientAddress(req, TRUSTED)).toBe(address)
})

import type { IncomingMessage } from 'node:http'
import { expect, test } from 'vitest'
import { hashUpstreamKey, upstreamKeyOf } from './upstream-key.ts'

const request = (headers: Record<string, string | string[]>) => ({ headers }) as unknown as IncomingMessage

test('the server’s key wins; else the browser’s, trimmed; else none', () => {
  expect(upstreamKeyOf(request({ 'x-api-key': 'browser:key' }), 'server:key')).toBe('server:key')
  expect(upstreamKeyOf(request({ 'x-api-key': ' browser:key ' }), undefined)).toBe('browser:key')
  expect(upstreamKeyOf(request({ 'x-api-key': ['first:key', 'second:key'] }), undefined)).toBe('first:key')
  expect(upstreamKeyOf(request({ 'x-api-key': '  ' }), undefined)).toBeUndefined()
  expect(upstreamKeyOf(request({}), undefined)).toBeUndefined()
})

test('a key’s hash is stable, differs between keys and does not contain the key', () => {
  expect(hashUpstreamKey('a:secret')).toBe(hashUpstreamKey('a:secret'))
  expect(hashUpstreamKey('a:secret')).not.toBe(hashUpstreamKey('b:secret'))
  expect(hashUpstreamKey(undefined)).not.toBe(hashUpstreamKey('a:secret'))
  expect(hashUpstreamKey('a:secret')).not.toContain('secret')
})

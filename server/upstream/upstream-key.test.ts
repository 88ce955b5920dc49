import { expect, test } from 'vitest'
import { hashUpstreamKey } from './upstream-key.ts'

test('a key’s hash is stable, differs between keys and does not contain the key', () => {
  expect(hashUpstreamKey('a:secret')).toBe(hashUpstreamKey('a:secret'))
  expect(hashUpstreamKey('a:secret')).not.toBe(hashUpstreamKey('b:secret'))
  expect(hashUpstreamKey(undefined)).not.toBe(hashUpstreamKey('a:secret'))
  expect(hashUpstreamKey('a:secret')).not.toContain('secret')
})

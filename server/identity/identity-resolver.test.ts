import type { IncomingMessage } from 'node:http'
import { expect, test } from 'vitest'
import { createIdentityResolver } from './identity-resolver.ts'
import type { GetUpstream } from './upstream-self.ts'

const request = { headers: {}, socket: { remoteAddress: '127.0.0.1' } } as unknown as IncomingMessage
const never: GetUpstream = () => new Promise(() => {})
const down: GetUpstream = () => Promise.reject(new TypeError('fetch failed'))

test('with a server key the proxy gets its key without asking upstream whose it is', async () => {
  const { resolveUpstreamKey } = createIdentityResolver({
    mode: { kind: 'shared-key', apiKey: 'server:key', trustedUserHeader: undefined },
    getUpstream: never,
    upstreamTimeoutMs: 60_000,
    trustedProxies: [],
  })
  expect(await resolveUpstreamKey(request)).toBe('server:key')
})

test('when the upstream cannot say whose the key is, nobody is named and the reason is given', async () => {
  const { resolveIdentity } = createIdentityResolver({
    mode: { kind: 'demo', apiKey: 'demo:key' },
    getUpstream: down,
    upstreamTimeoutMs: 1000,
    trustedProxies: [],
  })
  expect(await resolveIdentity(request)).toMatchObject({
    upstreamKey: 'demo:key',
    actor: null,
    unavailable: 'The tasks API could not be reached.',
  })
})

test('the key’s user is asked once and remembered', async () => {
  let calls = 0
  const self: GetUpstream = () => {
    calls += 1
    return Promise.resolve({
      status: 200,
      body: { _id: 'u1', companyId: 'c1', general: { firstName: 'Ada', lastName: 'L' } },
    })
  }
  const { resolveIdentity } = createIdentityResolver({
    mode: { kind: 'demo', apiKey: 'k' },
    getUpstream: self,
    upstreamTimeoutMs: 1000,
    trustedProxies: [],
  })
  await resolveIdentity(request)
  expect((await resolveIdentity(request)).actor).toEqual({ userId: 'u1', userName: 'Ada L', companyId: 'c1' })
  expect(calls).toBe(1)
})

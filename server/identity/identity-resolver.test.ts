import type { IncomingMessage } from 'node:http'
import { expect, test } from 'vitest'
import { createIdentityResolver } from './identity-resolver.ts'
import type { UpstreamClient } from '../upstream/upstream-client.ts'
import { UpstreamError } from '../upstream/upstream-error.ts'

const request = { headers: {}, socket: { remoteAddress: '127.0.0.1' } } as unknown as IncomingMessage
const never: UpstreamClient = () => new Promise(() => {})
const down: UpstreamClient = () =>
  Promise.reject(new UpstreamError('unreachable', 'The tasks API could not be reached.'))

test('with a server key the proxy gets its key without asking upstream whose it is', async () => {
  const { resolveUpstreamKey } = createIdentityResolver({
    mode: { kind: 'shared-key', apiKey: 'server:key', trustedUserHeader: undefined },
    upstream: never,
    trustedProxies: [],
  })
  expect(await resolveUpstreamKey(request)).toBe('server:key')
})

test('when the upstream cannot say whose the key is, nobody is named and the reason is given', async () => {
  const { resolveIdentity } = createIdentityResolver({
    mode: { kind: 'demo', apiKey: 'demo:key' },
    upstream: down,
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
  const self: UpstreamClient = () => {
    calls += 1
    const body = Buffer.from(
      JSON.stringify({ _id: 'u1', companyId: 'c1', general: { firstName: 'Ada', lastName: 'L' } }),
    )
    return Promise.resolve({
      status: 200,
      headers: new Headers(),
      body,
      json: () => JSON.parse(body.toString()) as unknown,
    })
  }
  const { resolveIdentity } = createIdentityResolver({
    mode: { kind: 'demo', apiKey: 'k' },
    upstream: self,
    trustedProxies: [],
  })
  await resolveIdentity(request)
  expect((await resolveIdentity(request)).actor).toEqual({ userId: 'u1', userName: 'Ada L', companyId: 'c1' })
  expect(calls).toBe(1)
})

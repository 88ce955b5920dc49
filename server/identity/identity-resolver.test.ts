import type { IncomingMessage } from 'node:http'
import { expect, test } from 'vitest'
import type { UpstreamClient } from '../upstream/upstream-client.ts'
import { UpstreamError } from '../upstream/upstream-error.ts'
import { createRequestContexts, type IdentityMode } from './identity-resolver.ts'
import { chooseUpstreamKey } from './request-context.ts'
import type { OpenSession } from './sessions-repository.ts'

const request = (headers: Record<string, string | string[]> = {}) =>
  ({ headers, socket: { remoteAddress: '127.0.0.1' } }) as unknown as IncomingMessage
const never: UpstreamClient = () => new Promise(() => {})
const down: UpstreamClient = () =>
  Promise.reject(new UpstreamError('unreachable', 'The tasks API could not be reached.'))

const SESSION: OpenSession = {
  actor: { userId: 'u2', userName: 'Bo', companyId: 'c1' },
  apiKey: 'session:key',
  idHash: 'a1',
}
const removed: string[] = []
const sessions = {
  find: (token: string) => Promise.resolve(token === 'signed-in-token-0001' ? SESSION : null),
  remove: (token: string) => Promise.resolve(void removed.push(token)),
}

/** Every mode's rule side by side: what the browser sends, and the key that goes upstream. */
const KEY_RULES: {
  mode: IdentityMode
  browserKey?: string | string[]
  cookie?: string
  upstream: string | undefined
  readsSession: boolean
}[] = [
  { mode: { kind: 'demo', apiKey: 'demo:key' }, upstream: 'demo:key', readsSession: false },
  { mode: { kind: 'demo', apiKey: 'demo:key' }, browserKey: 'own:key', upstream: 'demo:key', readsSession: false },
  {
    mode: { kind: 'shared-key', apiKey: 'server:key', trustedUserHeader: undefined },
    browserKey: 'own:key',
    upstream: 'server:key',
    readsSession: false,
  },
  {
    mode: { kind: 'personal-key', sessions },
    cookie: 'signed-in-token-0001',
    upstream: 'session:key',
    readsSession: true,
  },
  {
    mode: { kind: 'personal-key', sessions },
    browserKey: ' own:key ',
    cookie: 'signed-in-token-0001',
    upstream: 'own:key',
    readsSession: false,
  },
  {
    mode: { kind: 'personal-key', sessions },
    browserKey: ['first:key', 'second:key'],
    upstream: 'first:key',
    readsSession: false,
  },
  { mode: { kind: 'personal-key', sessions }, browserKey: '  ', upstream: undefined, readsSession: false },
  { mode: { kind: 'personal-key', sessions }, cookie: 'expired-token-000001', upstream: undefined, readsSession: true },
]

test.each(KEY_RULES)('$mode.kind, browser key $browserKey, session $cookie: $upstream goes upstream', async (rule) => {
  let reads = 0
  const mode: IdentityMode =
    rule.mode.kind === 'personal-key'
      ? { kind: 'personal-key', sessions: { ...sessions, find: (token) => ((reads += 1), sessions.find(token)) } }
      : rule.mode
  const contextFor = createRequestContexts({ mode, upstream: never, trustedProxies: [] })
  const headers: Record<string, string | string[]> = {}
  if (rule.browserKey !== undefined) headers['x-api-key'] = rule.browserKey
  if (rule.cookie) headers.cookie = `tb_session=${rule.cookie}`
  expect(await contextFor(request(headers)).upstreamKey()).toBe(rule.upstream)
  expect(reads > 0).toBe(rule.readsSession)
})

test('the rule reads the session only when neither the server nor the browser has a key', async () => {
  const asked: string[] = []
  const session = () => (asked.push('session'), Promise.resolve('session:key'))
  expect(await chooseUpstreamKey('server:key', 'own:key', session)).toBe('server:key')
  expect(await chooseUpstreamKey(undefined, 'own:key', session)).toBe('own:key')
  expect(asked).toEqual([])
  expect(await chooseUpstreamKey(undefined, undefined, session)).toBe('session:key')
  expect(asked).toEqual(['session'])
})

test('one request reads its session once, for its key and its identity alike', async () => {
  let reads = 0
  const contextFor = createRequestContexts({
    mode: { kind: 'personal-key', sessions: { ...sessions, find: (token) => ((reads += 1), sessions.find(token)) } },
    upstream: never,
    trustedProxies: [],
  })
  const context = contextFor(request({ cookie: 'tb_session=signed-in-token-0001' }))
  expect(await context.upstreamKey()).toBe('session:key')
  expect((await context.identity()).actor).toEqual(SESSION.actor)
  expect(reads).toBe(1)
})

test('with a server key the proxy gets its key without asking upstream whose it is', async () => {
  const contextFor = createRequestContexts({
    mode: { kind: 'shared-key', apiKey: 'server:key', trustedUserHeader: undefined },
    upstream: never,
    trustedProxies: [],
  })
  expect(await contextFor(request()).upstreamKey()).toBe('server:key')
})

test('when the upstream cannot say whose the key is, nobody is named and the reason is given', async () => {
  const contextFor = createRequestContexts({
    mode: { kind: 'demo', apiKey: 'demo:key' },
    upstream: down,
    trustedProxies: [],
  })
  const context = contextFor(request())
  expect(await context.identity()).toMatchObject({ actor: null, unavailable: 'The tasks API could not be reached.' })
  expect(await context.upstreamKey()).toBe('demo:key')
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
  const contextFor = createRequestContexts({ mode: { kind: 'demo', apiKey: 'k' }, upstream: self, trustedProxies: [] })
  await contextFor(request()).identity()
  expect((await contextFor(request()).identity()).actor).toEqual({ userId: 'u1', userName: 'Ada L', companyId: 'c1' })
  expect(calls).toBe(1)
})

test('a refused key ends the session that held it, and only then', async () => {
  const contextFor = createRequestContexts({
    mode: { kind: 'personal-key', sessions },
    upstream: never,
    trustedProxies: [],
  })
  const signedIn = { cookie: 'tb_session=signed-in-token-0001' }
  // A key the client sent itself was refused: the session is not what failed.
  await contextFor(request({ ...signedIn, 'x-api-key': 'own:key' })).keyRefused()
  await contextFor(request({ cookie: 'tb_session=expired-token-000001' })).keyRefused()
  expect(removed).toEqual([])
  await contextFor(request(signedIn)).keyRefused()
  expect(removed).toEqual(['signed-in-token-0001'])
  // With a server key there is no session to end.
  const shared = createRequestContexts({
    mode: { kind: 'shared-key', apiKey: 'server:key', trustedUserHeader: undefined },
    upstream: never,
    trustedProxies: [],
  })
  await shared(request(signedIn)).keyRefused()
  expect(removed).toEqual(['signed-in-token-0001'])
})

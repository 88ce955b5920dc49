import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, expect, test } from 'vitest'
import { createAppRouter } from '../http/app-router.ts'
import type { RequestContext, RequestIdentity } from '../identity/request-context.ts'
import { createEventStreamRoutes } from './event-stream-routes.ts'
import { openEventStream, type EventStream } from '../testing/open-event-stream.ts'
import type { FeedEvent, TaskFeed } from './task-feed.ts'

/*
 * The stream's own rules, on a feed and identities the test sets: who is
 * refused, what each stream is sent and when, and that nothing is held for
 * a browser that left.
 */

/** A feed the test drives: `publish` passes an event on as the store's notification would. */
function testFeed(started = true) {
  const listeners = new Set<(event: FeedEvent) => void>()
  const log: FeedEvent[] = []
  let isStarted = started
  const feed: TaskFeed = {
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    latest: () => Math.max(0, ...log.map((event) => event.seq)),
    since: (companyId, seq) =>
      Promise.resolve(log.filter((event) => event.companyId === companyId && event.seq > seq - 20)),
    isStarted: () => isStarted,
    start: () => Promise.resolve(),
    stop: () => Promise.resolve(),
  }
  return {
    feed,
    listeners,
    publish(event: FeedEvent) {
      log.push(event)
      for (const listener of listeners) listener(event)
    },
    begin: () => (isStarted = true),
  }
}

/** Who asks: the `x-person` header names a person of company c-1 (none: signed out); `x-address` their address. */
function contextOf(req: IncomingMessage, identify: () => Promise<void> = () => Promise.resolve()): RequestContext {
  const person = req.headers['x-person'] as string | undefined
  const identity: RequestIdentity = {
    actor: person ? { userId: person, userName: person, companyId: 'c-1' } : null,
    clientKey: person ?? 'nobody',
    setCookies: [],
  }
  return {
    identity: async () => {
      await identify()
      return identity
    },
    clientAddress: (req.headers['x-address'] as string | undefined) ?? '10.0.0.1',
  } as unknown as RequestContext
}

let server: Server | undefined
const streams: EventStream[] = []
afterEach(async () => {
  for (const stream of streams.splice(0)) stream.close()
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server?.closeAllConnections()
  server = undefined
})

async function serve(
  feed: TaskFeed,
  caps: { perPerson?: number; perAddress?: number; maxStreams?: number } = {},
  identify?: () => Promise<void>,
) {
  const streamRoutes = createEventStreamRoutes({ feed, contextFor: (req) => contextOf(req), ...caps })
  const route = createAppRouter(streamRoutes.routes)
  server = createServer((req, res) => void route(req, res, (req.url ?? '/').split('?')[0]!, contextOf(req, identify)))
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/app/events`
  const open = async (headers: Record<string, string>) => {
    const stream = await openEventStream(url, headers)
    streams.push(stream)
    return stream
  }
  return { open, openStreams: streamRoutes.openStreams }
}

test('before the feed has started a stream is refused with a wait; then it opens', async () => {
  const feed = testFeed(false)
  const { open } = await serve(feed.feed)
  const early = await open({ 'x-person': 'anna' })
  expect(early.status).toBe(503)
  feed.begin()
  expect((await open({ 'x-person': 'anna' })).status).toBe(200)
})

test('streams are capped per person and per address; a signed-out browser gets none', async () => {
  const { open } = await serve(testFeed().feed, { perPerson: 2, perAddress: 3 })
  expect((await open({})).status).toBe(401)
  expect((await open({ 'x-person': 'anna' })).status).toBe(200)
  expect((await open({ 'x-person': 'anna' })).status).toBe(200)
  expect((await open({ 'x-person': 'anna' })).status).toBe(429)
  // Another person at the same address: the address holds three.
  expect((await open({ 'x-person': 'ben' })).status).toBe(200)
  expect((await open({ 'x-person': 'carl' })).status).toBe(429)
  expect((await open({ 'x-person': 'carl', 'x-address': '10.0.0.2' })).status).toBe(200)
})

test('each number is sent once, in order, a late-committed one too; only the person’s company’s', async () => {
  const feed = testFeed()
  const { open } = await serve(feed.feed)
  const stream = await open({ 'x-person': 'anna' })
  await stream.next('ready')
  feed.publish({ seq: 5, companyId: 'c-1', taskId: 't-5' })
  feed.publish({ seq: 4, companyId: 'c-1', taskId: 't-4' }) // committed after 5
  feed.publish({ seq: 6, companyId: 'c-2', taskId: 'other company' })
  feed.publish({ seq: 5, companyId: 'c-1', taskId: 't-5' }) // passed on again
  feed.publish({ seq: 7, companyId: 'c-1', taskId: 't-7' })
  // Live: as they come, the late one too, the repeated one not again.
  const live = [await stream.next('task'), await stream.next('task'), await stream.next('task')]
  expect(live.map((event) => event.id)).toEqual(['5', '4', '7'])
  await new Promise((resolve) => setTimeout(resolve, 100))
  expect(stream.drain('task')).toEqual([])
  // Replayed after number 3: in order, each once.
  const again = await open({ 'x-person': 'anna', 'last-event-id': '3' })
  await again.next('ready')
  expect(again.drain('task').map((event) => [event.id, event.data])).toEqual([
    ['4', '{"taskId":"t-4"}'],
    ['5', '{"taskId":"t-5"}'],
    ['7', '{"taskId":"t-7"}'],
  ])
})

test('a browser that leaves while it is being identified holds nothing open', async () => {
  let release: () => void = () => {}
  const identified = new Promise<void>((resolve) => (release = resolve))
  const { openStreams } = await serve(testFeed().feed, {}, () => identified)
  const controller = new AbortController()
  const request = fetch(`http://127.0.0.1:${(server!.address() as AddressInfo).port}/app/events`, {
    headers: { 'x-person': 'anna' },
    signal: controller.signal,
  }).catch(() => null)
  await new Promise((resolve) => setTimeout(resolve, 50))
  controller.abort()
  await request
  await new Promise((resolve) => setTimeout(resolve, 50))
  release()
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(openStreams()).toBe(0)
})

test('a mangled or far-off last number replays nothing and the stream goes on live', async () => {
  const feed = testFeed()
  feed.publish({ seq: 1, companyId: 'c-1', taskId: 't-1' })
  const { open } = await serve(feed.feed)
  for (const last of ['abc', '-5', '1e9', '99999999999999999999', '1;DROP TABLE views']) {
    const stream = await open({ 'x-person': 'anna', 'last-event-id': last })
    expect(stream.status).toBe(200)
    await stream.next('ready')
    expect(stream.drain('task')).toEqual([])
  }
  const stream = await open({ 'x-person': 'anna', 'last-event-id': 'garbage' })
  await stream.next('ready')
  feed.publish({ seq: 2, companyId: 'c-1', taskId: 't-2' })
  expect((await stream.next('task')).data).toBe('{"taskId":"t-2"}')
})

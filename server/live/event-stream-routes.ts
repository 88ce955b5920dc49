import type { ServerResponse } from 'node:http'
import { isCrossSiteRequest } from '../http/cross-site-guard.ts'
import { sendJsonError } from '../http/json-error.ts'
import type { ContextFor, Route } from '../identity/request-context.ts'
import { StoreUnavailableError } from '../store/database.ts'
import type { FeedEvent, TaskFeed } from './task-feed.ts'

export interface EventStreamOptions {
  feed: TaskFeed
  /** A fresh context for a stream's request, to ask again whether its session still stands. */
  contextFor: ContextFor
  /** Streams one person may hold open from one address: a browser shares one between its tabs. */
  perPerson?: number
  /** Streams one address may hold open (an office behind one address without a trusted proxy holds many). */
  perAddress?: number
  /** Streams this server holds open at once (each holds a connection of the server's few hundred). */
  maxStreams?: number
  /** How often a stream is kept alive, and its session checked. */
  heartbeatMs?: number
}

/** How long a browser waits before reconnecting a stream that broke. */
const RECONNECT_MS = 5000

const words = {
  signIn: 'Sign in to see changes as they happen.',
  tooMany: 'Too many live streams are open for you; close some tabs or windows.',
  busy: 'This server holds as many live streams as it can; the board refreshes every minute instead.',
  starting: 'The live stream is starting; try again in a moment.',
}

/** Numbers a stream remembers having sent: more than any replay or late commit reaches back. */
const SENT_KEPT = 1000

/** One server-sent event: a named event with an id and JSON data, or a comment. */
function frame(event: string, data: unknown, id?: number): string {
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`
}

/** The number a reconnecting stream says it saw last: its Last-Event-ID, or `?after=` for a new one. */
function lastSeen(header: string | string[] | undefined, after: string | null): number | null {
  const value = (Array.isArray(header) ? header[0] : header) ?? after
  return value !== null && value !== undefined && /^\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : null
}

/**
 * `GET /app/events`: the change feed as server-sent events, one stream per
 * browser (its tabs share it). Each event names only a changed task of the
 * person's own company (`task`, `{taskId}`), and the browser reads it again
 * with its own key; nothing else about the task travels. A stream that
 * reconnects with the number it saw last is sent what it missed (`reload`
 * when that is too much to send); each number goes once per stream. Same
 * site only; per person, per address and per server the streams are capped;
 * a session that ends ends its stream at the next heartbeat.
 */
export function createEventStreamRoutes({
  feed,
  contextFor,
  perPerson = 10,
  perAddress = 100,
  maxStreams = 300,
  heartbeatMs = 15_000,
}: EventStreamOptions) {
  const open = new Map<ServerResponse, { person: string; address: string }>()
  const countOf = (holds: (holder: { person: string; address: string }) => boolean) =>
    [...open.values()].filter(holds).length

  const route: Route = [
    'GET',
    /^\/app\/events$/,
    async ({ req, res, search, context }) => {
      if (isCrossSiteRequest(req)) {
        sendJsonError(res, 403, 'Cross-site requests are not allowed.')
        return
      }
      let identity
      try {
        identity = await context.identity()
      } catch (error) {
        if (!(error instanceof StoreUnavailableError)) throw error
        sendJsonError(res, 503, error.message, { 'retry-after': '5' })
        return
      }
      if (identity.unavailable) {
        sendJsonError(res, 503, identity.unavailable, { 'retry-after': '30' })
        return
      }
      const actor = identity.actor
      if (!actor) {
        sendJsonError(res, 401, words.signIn)
        return
      }
      // The browser went away while it was being identified: nothing to hold open.
      if (res.destroyed || req.destroyed) return
      if (!feed.isStarted()) {
        sendJsonError(res, 503, words.starting, { 'retry-after': '5' })
        return
      }
      const person = `${identity.clientKey}@${context.clientAddress}`
      if (countOf((holder) => holder.person === person) >= perPerson) {
        sendJsonError(res, 429, words.tooMany, { 'retry-after': '30' })
        return
      }
      // A client that sends no cookie is a new browser each time: its address bounds it.
      if (countOf((holder) => holder.address === context.clientAddress) >= perAddress) {
        sendJsonError(res, 429, words.tooMany, { 'retry-after': '30' })
        return
      }
      if (open.size >= maxStreams) {
        sendJsonError(res, 503, words.busy, { 'retry-after': '60' })
        return
      }

      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        // A buffering proxy in front would hold the events back.
        'x-accel-buffering': 'no',
      })
      open.set(res, { person, address: context.clientAddress })
      const company = actor.companyId
      // Numbers sent, so an event comes once however it arrives (replayed, live, or committed late).
      const sent = new Set<number>()
      const send = (event: FeedEvent) => {
        if (event.companyId !== company || sent.has(event.seq) || res.destroyed) return
        sent.add(event.seq)
        if (sent.size > SENT_KEPT) sent.delete(sent.values().next().value!)
        res.write(frame('task', { taskId: event.taskId }, event.seq))
      }
      // Live events are held back until the missed ones are sent, then all go in order.
      let held: FeedEvent[] | null = []
      const unsubscribe = feed.subscribe((event) => (held ? held.push(event) : send(event)))
      const stillSignedIn = async () => {
        try {
          return (await contextFor(req).identity()).actor?.companyId === company
        } catch {
          return true // the store is away for a moment: the session is not known to have ended
        }
      }
      const heartbeat = setInterval(() => {
        res.write(': alive\n\n')
        void stillSignedIn().then((yes) => yes || res.end())
      }, heartbeatMs)
      res.on('close', () => {
        clearInterval(heartbeat)
        unsubscribe()
        open.delete(res)
      })

      res.write(`retry: ${RECONNECT_MS}\n\n`)
      const after = lastSeen(req.headers['last-event-id'], search.get('after'))
      const missed = after === null ? [] : await feed.since(company, after).catch(() => null)
      const live = held
      held = null
      if (res.destroyed) return
      if (missed === null) {
        // Too much (or unreadable) to send one by one: the browser reads its views again.
        for (const event of live) sent.add(event.seq)
        res.write(frame('reload', {}, Math.max(feed.latest(), ...live.map((event) => event.seq))))
        return
      }
      for (const event of [...missed, ...live].sort((a, b) => a.seq - b.seq)) send(event)
      // The number a reconnect starts from: nothing of this company's is missing up to it (but what is
      // committed late, which comes live, or with the replay's look-back).
      res.write(frame('ready', {}, Math.max(feed.latest(), ...sent)))
    },
  ]

  return {
    routes: [route],
    /** Streams open on this server now. */
    openStreams: () => open.size,
    /** Ends every stream (the server is stopping): browsers reconnect to another server. */
    closeAll() {
      for (const res of open.keys()) res.end()
    },
  }
}

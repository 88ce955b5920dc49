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
}

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
 * when that is too much to send). Same site only; per person and per server
 * the streams are capped; a session that ends ends its stream at the next
 * heartbeat.
 */
export function createEventStreamRoutes({
  feed,
  contextFor,
  perPerson = 10,
  maxStreams = 300,
  heartbeatMs = 15_000,
}: EventStreamOptions) {
  const open = new Map<ServerResponse, string>()
  const countOf = (person: string) => [...open.values()].filter((holder) => holder === person).length

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
      const person = `${identity.clientKey}@${context.clientAddress}`
      if (countOf(person) >= perPerson) {
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
      open.set(res, person)
      const company = actor.companyId
      // Live events are held back until the missed ones are sent, so the stream's numbers only go up.
      let held: FeedEvent[] | null = []
      let sentUpTo = 0
      const send = (event: FeedEvent) => {
        if (event.companyId !== company || event.seq <= sentUpTo || res.destroyed) return
        sentUpTo = event.seq
        res.write(frame('task', { taskId: event.taskId }, event.seq))
      }
      const unsubscribe = feed.subscribe((event) => (held ? held.push(event) : send(event)))
      const heartbeat = setInterval(() => {
        res.write(': alive\n\n')
        void stillSignedIn().then((yes) => yes || res.end())
      }, heartbeatMs)
      const stillSignedIn = async () => {
        try {
          return (await contextFor(req).identity()).actor?.companyId === company
        } catch {
          return true // the store is away for a moment: the session is not known to have ended
        }
      }
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
        sentUpTo = Math.max(...live.map((event) => event.seq), feed.latest())
        res.write(frame('reload', {}, sentUpTo))
        return
      }
      // A number from a server further along than this one: what lies between comes live (again, at worst).
      sentUpTo = Math.min(after ?? 0, feed.latest())
      for (const event of [...missed, ...live]) send(event)
      // Nothing of this company's is missing up to the newest number this server knows.
      sentUpTo = Math.max(sentUpTo, feed.latest())
      res.write(frame('ready', {}, sentUpTo))
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

import type { IncomingMessage, ServerResponse } from 'node:http'
import type { z } from 'zod'
import type { RateLimit } from '../http/rate-limit.ts'
import { readJsonBody } from '../http/read-json-body.ts'
import { sendJson } from '../http/send-json.ts'
import type { Route } from '../identity/request-context.ts'
import type { RouteMethod } from '../http/app-router.ts'
import { sendJsonError } from '../http/json-error.ts'
import { publicListedView, publicTrashedView, publicVersion, publicView } from './public-view.ts'
import type { ViewHistory } from './view-history.ts'
import type { ViewPreferences } from './view-preferences.ts'
import type { Actor } from '../identity/request-context.ts'
import { ViewError, type ViewProblem } from './view-record.ts'
import {
  createViewBody,
  defaultViewBody,
  duplicateViewBody,
  emptyBody,
  toApiErrors,
  updateViewBody,
  versionedBody,
} from './view-schemas.ts'
import type { ViewsRepository } from './views-repository.ts'

/** Where the board lives; a view's link is this plus its query. */
export const BOARD_PATH = '/tasks'

export interface ViewsRoutesOptions {
  views: ViewsRepository
  history: ViewHistory
  prefs: ViewPreferences
  /** Writes per person: a session, a named person or a browser. */
  writeLimit: RateLimit
  /** Writes per client address, whoever says they are: a browser id is a cookie a client may leave out. */
  addressWriteLimit: RateLimit
}

interface Call {
  req: IncomingMessage
  res: ServerResponse
  actor: Actor
  params: string[]
  body: <S extends z.ZodType>(schema: S) => Promise<z.output<S>>
}

type Handler = (call: Call) => Promise<void>
const ID = '([A-Za-z0-9_-]{1,40})'

/**
 * The saved-views API under `/app/views` and `/app/default-view`, and short
 * links `/v/<id>`: lines of the app's route table.
 */
export function createViewsRoutes({
  views,
  history,
  prefs,
  writeLimit,
  addressWriteLimit,
}: ViewsRoutesOptions): Route[] {
  const routes: [RouteMethod, RegExp, Handler][] = [
    [
      'GET',
      /^\/app\/views$/,
      async ({ res, actor }) => {
        const [list, defaultViewId, looks] = await Promise.all([
          views.list(actor),
          prefs.getDefault(actor),
          prefs.looks(actor),
        ])
        sendJson(res, 200, {
          views: list.map((view) => publicListedView(view, looks.get(view.id) ?? null)),
          defaultViewId,
        })
      },
    ],
    [
      'POST',
      /^\/app\/views$/,
      async ({ res, actor, body }) => {
        const { scope, ...content } = await body(createViewBody)
        sendJson(res, 201, publicView(await views.create(actor, content, scope)))
      },
    ],
    [
      'GET',
      /^\/app\/views\/trash$/,
      async ({ res, actor }) => sendJson(res, 200, { views: (await history.listTrash(actor)).map(publicTrashedView) }),
    ],
    [
      'GET',
      new RegExp(`^/app/views/${ID}$`),
      async ({ res, actor, params: [id] }) => sendJson(res, 200, publicView(await views.get(actor, id!))),
    ],
    [
      'PATCH',
      new RegExp(`^/app/views/${ID}$`),
      async ({ res, actor, params: [id], body }) => {
        const { version, scope, unlock, ...content } = await body(updateViewBody)
        sendJson(
          res,
          200,
          publicView(await views.update(actor, id!, { version, scope, unlock, content: defined(content) })),
        )
      },
    ],
    [
      'DELETE',
      new RegExp(`^/app/views/${ID}$`),
      async ({ res, actor, params: [id], body }) => {
        const { version, unlock } = await body(versionedBody)
        await views.remove(actor, id!, version, unlock)
        res.writeHead(204, { 'cache-control': 'no-store' }).end()
      },
    ],
    [
      'POST',
      new RegExp(`^/app/views/${ID}/restore$`),
      async ({ res, actor, params: [id], body }) => {
        await body(emptyBody)
        sendJson(res, 200, publicView(await history.restoreFromTrash(actor, id!)))
      },
    ],
    [
      'POST',
      new RegExp(`^/app/views/${ID}/look$`),
      async ({ res, actor, params: [id], body }) => {
        await body(emptyBody)
        sendJson(res, 200, await prefs.look(actor, id!))
      },
    ],
    [
      'GET',
      new RegExp(`^/app/views/${ID}/history$`),
      async ({ res, actor, params: [id] }) =>
        sendJson(res, 200, { versions: (await history.listVersions(actor, id!)).map(publicVersion) }),
    ],
    [
      'POST',
      new RegExp(`^/app/views/${ID}/history/(\\d{1,9})/restore$`),
      async ({ res, actor, params: [id, from], body }) =>
        sendJson(
          res,
          200,
          publicView(await history.restoreVersion(actor, id!, Number(from), await body(versionedBody))),
        ),
    ],
    [
      'POST',
      new RegExp(`^/app/views/${ID}/duplicate$`),
      async ({ res, actor, params: [id], body }) => {
        const { name, scope } = await body(duplicateViewBody)
        sendJson(res, 201, publicView(await views.duplicate(actor, id!, name, scope)))
      },
    ],
    [
      'GET',
      /^\/app\/default-view$/,
      async ({ res, actor }) => sendJson(res, 200, { viewId: await prefs.getDefault(actor) }),
    ],
    [
      'PUT',
      /^\/app\/default-view$/,
      async ({ res, actor, body }) => {
        const { viewId } = await body(defaultViewBody)
        await prefs.setDefault(actor, viewId)
        sendJson(res, 200, { viewId })
      },
    ],
    [
      'GET',
      new RegExp(`^/v/${ID}$`),
      async ({ res, actor, params: [id] }) => {
        const view = await views.get(actor, id!)
        res
          .writeHead(302, {
            location: view.query ? `${BOARD_PATH}?${view.query}` : BOARD_PATH,
            'cache-control': 'no-store',
          })
          .end()
      },
    ],
  ]

  return routes.map(([method, pattern, handler]): Route => [
    method,
    pattern,
    async ({ req, res, params, context }) => {
      const shortLink = isShortLink(req.url ?? '')
      try {
        const identity = await context.identity()
        if (identity.setCookies.length > 0) res.setHeader('set-cookie', identity.setCookies)
        if (!identity.actor) {
          // A short link opened while signed out gets the board's page, which asks for the key (or says the API is unreachable) and then opens the view.
          if (shortLink) return false
          if (identity.unavailable) sendJsonError(res, 502, identity.unavailable)
          else sendJsonError(res, 401, 'Sign in to use saved views.')
          return
        }
        if (method !== 'GET') {
          // The person first: one who is over their own limit spends nothing of their colleagues' at the address.
          const wait = writeLimit.take(identity.clientKey) || addressWriteLimit.take(context.clientAddress)
          if (wait > 0) {
            sendJsonError(res, 429, 'Too many changes in a short time; wait a moment.', { 'retry-after': String(wait) })
            return
          }
        }
        await handler({ req, res, actor: identity.actor, params, body: (schema) => parseBody(req, schema) })
      } catch (error) {
        // A browser opened the short link: a view that is gone or a store that is down is said by the board's page, not in JSON.
        if (shortLink && !res.headersSent) return false
        if (error instanceof InvalidBody) sendJson(res, 400, error.body)
        else if (error instanceof ViewError) answerViewError(res, error)
        else throw error
      }
    },
  ])
}

const VIEW_STATUS: Record<ViewProblem, number> = {
  'not-found': 404,
  stale: 409,
  'name-taken': 409,
  locked: 423,
  forbidden: 403,
  full: 409,
}

/** A view that cannot be had as asked, in the API's error shape; a conflict carries the view as it now is. */
function answerViewError(res: ServerResponse, error: ViewError): void {
  const body = { message: error.message, errors: [{ message: error.message, code: error.problem }] }
  sendJson(res, VIEW_STATUS[error.problem], error.current ? { ...body, current: publicView(error.current) } : body)
}

function isShortLink(pathname: string): boolean {
  return pathname.startsWith('/v/')
}

class InvalidBody extends Error {
  readonly body: ReturnType<typeof toApiErrors>
  constructor(body: ReturnType<typeof toApiErrors>) {
    super(body.message)
    this.body = body
  }
}

async function parseBody<S extends z.ZodType>(req: IncomingMessage, schema: S): Promise<z.output<S>> {
  const parsed = schema.safeParse(await readJsonBody(req))
  if (!parsed.success) throw new InvalidBody(toApiErrors(parsed.error))
  return parsed.data
}

/** Leaves out fields the edit did not send, so they keep their values. */
function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}

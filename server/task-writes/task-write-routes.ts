import { taskChangeSchema, type WriteOperation } from '../../src/shared/tasks/api/task-change.ts'
import { readJsonBody } from '../http/read-json-body.ts'
import type { RateLimit } from '../http/rate-limit.ts'
import { sendBadRequest, sendJson } from '../http/send-json.ts'
import { sendJsonError } from '../http/json-error.ts'
import type { IdentityModeName } from '../identity/session-routes.ts'
import type { ServerResponse } from 'node:http'
import type { Actor, RequestContext, RequestIdentity, Route } from '../identity/request-context.ts'
import type { UpstreamClient } from '../upstream/upstream-client.ts'
import { failureResponse, UpstreamError } from '../upstream/upstream-error.ts'
import { applyTaskChange, type ChangeResult } from './apply-change.ts'
import type { ChangeLog } from './change-log.ts'

export interface TaskWriteRoutesOptions {
  modeName: IdentityModeName
  /** The operations this deployment allows (all in demo mode; `TASK_WRITES` otherwise). */
  operations: ReadonlySet<WriteOperation>
  upstream: UpstreamClient
  isAllowedPicture: (url: string) => boolean
  /** Changes one person may make per minute. */
  writeLimit: RateLimit
  /** Changes one client address may make per minute, for browsers that come without a cookie. */
  addressWriteLimit: RateLimit
  /** Where every attempt is recorded. */
  log: ChangeLog
}

/**
 * Who may change tasks: a signed-in dispatcher (with their own key, so the
 * vendor records who did it), a person the trusted proxy names, or anyone
 * on the demo. A browser nobody named, on a shared key, only reads.
 */
export function mayWrite(modeName: IdentityModeName, identity: RequestIdentity): boolean {
  const actor = identity.actor
  if (!actor) return false
  return modeName !== 'shared-key' || actor.userId.startsWith('person:')
}

/** The operations this request may make: none for a reader, else the deployment's. */
export async function writableOperations(
  options: Pick<TaskWriteRoutesOptions, 'modeName' | 'operations'>,
  context: RequestContext,
): Promise<WriteOperation[]> {
  return mayWrite(options.modeName, await context.identity()) ? [...options.operations] : []
}

/**
 * Lets a request that may change tasks through, within the per-person and
 * per-address limits, and answers everybody else (401, 403, 429). Every
 * endpoint that writes to the tasks API starts here.
 */
export async function admitWriter(
  options: Pick<TaskWriteRoutesOptions, 'modeName' | 'writeLimit' | 'addressWriteLimit'>,
  context: RequestContext,
  res: ServerResponse,
): Promise<(RequestIdentity & { actor: Actor }) | null> {
  const identity = await context.identity()
  if (identity.setCookies.length > 0) res.setHeader('set-cookie', identity.setCookies)
  if (!mayWrite(options.modeName, identity)) {
    sendJsonError(
      res,
      options.modeName === 'personal-key' ? 401 : 403,
      options.modeName === 'personal-key' ? writeWords.signIn : writeWords.readOnly,
    )
    return null
  }
  const wait = options.writeLimit.take(identity.clientKey) || options.addressWriteLimit.take(context.clientAddress)
  if (wait > 0) {
    sendJsonError(res, 429, writeWords.limit, { 'retry-after': String(wait) })
    return null
  }
  return identity as RequestIdentity & { actor: Actor }
}

export const writeWords = {
  readOnly: 'Only people the sign-on names can change tasks here; this browser can only read.',
  signIn: 'Sign in with your API key to change tasks.',
  off: (field: string) => `This board does not change “${field}” on this tasks API (TASK_WRITES does not name it).`,
  badId: 'A task id is 24 hexadecimal characters.',
  limit: 'Too many changes in a minute; wait a moment.',
}

/**
 * `POST /app/tasks/{id}/changes`: one change to one task, through the one
 * write path (see apply-change.ts). The `/api/` proxy stays read-only: no
 * task body from a browser ever reaches the upstream.
 */
export function createTaskWriteRoutes(options: TaskWriteRoutesOptions): Route[] {
  return [
    [
      'POST',
      /^\/app\/tasks\/([^/]+)\/changes$/,
      async ({ req, res, params, context }) => {
        const taskId = params[0]!
        const identity = await admitWriter(options, context, res)
        if (!identity) return
        const body = await readJsonBody(req)
        const parsed = taskChangeSchema.safeParse(body)
        const problems = [
          ...(/^[0-9a-f]{24}$/i.test(taskId) ? [] : [writeWords.badId]),
          ...(parsed.success ? [] : problemsOf(parsed.error.issues)),
        ]
        if (!parsed.success || problems.length > 0) {
          sendBadRequest(res, problems)
          return
        }
        const change = parsed.data
        if (!options.operations.has(change.field)) {
          sendJsonError(res, 403, writeWords.off(change.field))
          return
        }
        const key = await context.upstreamKey()
        const id = taskId.toLowerCase()
        // On record before anything goes upstream: a store that cannot take it stops the change here (503).
        const entry = await options.log.begin(identity.actor, id, change)
        // Not tied to the browser's connection: a write begun is finished and read back, even if nobody waits.
        let result: ChangeResult
        try {
          result = await applyTaskChange({
            upstream: options.upstream,
            key,
            taskId: id,
            change,
            isAllowedPicture: options.isAllowedPicture,
          })
        } catch (error) {
          if (!(error instanceof UpstreamError)) throw error
          const { status, headers } = failureResponse(error)
          result = { outcome: 'failed', status, message: error.message, task: null, headers }
        }
        try {
          await options.log.finish(entry, result.outcome, result.message, result.found)
        } catch (error) {
          console.error('Recording a task change failed:', error instanceof Error ? error.message : error)
        }
        if (result.keyRefused) await context.keyRefused()
        const retry: Record<string, string> =
          result.retryAfterMs != null ? { 'retry-after': String(Math.ceil(result.retryAfterMs / 1000)) } : {}
        sendJson(
          res,
          result.status,
          { outcome: result.outcome, message: result.message, task: result.task },
          { ...result.headers, ...retry },
        )
      },
    ],
    [
      'GET',
      /^\/app\/tasks\/([^/]+)\/changes$/,
      async ({ res, params, context }) => {
        const taskId = params[0]!
        const { actor } = await context.identity()
        if (!actor) {
          sendJsonError(res, 401, writeWords.signIn)
          return
        }
        if (!/^[0-9a-f]{24}$/i.test(taskId)) {
          sendJsonError(res, 400, writeWords.badId)
          return
        }
        sendJson(res, 200, { changes: await options.log.forTask(actor.companyId, taskId.toLowerCase()) })
      },
    ],
  ]
}

/** A schema's complaints as sentences, each naming where it is. */
export function problemsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string[] {
  return issues.map(
    (issue) => `${issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : ''}${issue.message}`,
  )
}

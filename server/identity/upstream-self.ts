import { z } from 'zod'
import { UpstreamError, type UpstreamGet } from '../upstream/upstream-client.ts'

/** One GET of the upstream API with a key: the seam a shared, bounded upstream client replaces. */
export type GetUpstream = (path: string, key: string, signal: AbortSignal) => Promise<{ status: number; body: unknown }>

/** A plain fetch of `baseUrl + path`; the caller's signal carries the timeout. */
export function createFetchUpstream(baseUrl: string): GetUpstream {
  return async (path, key, signal) => {
    const response = await fetch(`${baseUrl}${path}`, {
      headers: { accept: 'application/json', 'x-API-Key': key },
      signal,
      redirect: 'manual',
    })
    const text = await response.text()
    let body: unknown = null
    try {
      body = JSON.parse(text) as unknown
    } catch {
      // Not JSON: the status says enough.
    }
    return { status: response.status, body }
  }
}

const selfSchema = z.object({
  _id: z.string().min(1).max(100),
  companyId: z.string().min(1).max(100),
  general: z.object({ firstName: z.string().nullish(), lastName: z.string().nullish() }).nullish(),
})

/** The user a key belongs to, reduced to what identity needs. */
export interface KeyUser {
  userId: string
  userName: string
  companyId: string
}

export type SelfResult = { kind: 'ok'; user: KeyUser } | { kind: 'rejected' } | { kind: 'unavailable'; message: string }

/** Asks the upstream whose key this is. Never throws. */
export async function readKeyUser(getUpstream: GetUpstream, key: string, timeoutMs: number): Promise<SelfResult> {
  let answer: { status: number; body: unknown }
  try {
    answer = await getUpstream('/users/self', key, AbortSignal.timeout(timeoutMs))
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError'
    return {
      kind: 'unavailable',
      message: timedOut ? 'The tasks API did not answer in time.' : 'The tasks API could not be reached.',
    }
  }
  if (answer.status === 401 || answer.status === 403) return { kind: 'rejected' }
  if (answer.status !== 200)
    return { kind: 'unavailable', message: `The tasks API answered with status ${answer.status}.` }
  const parsed = selfSchema.safeParse(answer.body)
  if (!parsed.success) return { kind: 'unavailable', message: 'The tasks API sent a user that could not be read.' }
  const { _id, companyId, general } = parsed.data
  const userName = [general?.firstName, general?.lastName].filter(Boolean).join(' ') || _id
  return { kind: 'ok', user: { userId: _id, userName, companyId } }
}

/** `/users/self` over the server's one bounded upstream client, so sign-in shares its limits. */
export function selfFromUpstreamClient(upstreamGet: UpstreamGet): GetUpstream {
  return async (path, key, signal) => {
    const answer = await upstreamGet(path, { apiKey: key, signal }).catch((error: unknown) => {
      // readKeyUser words a timeout apart from an unreachable API.
      if (error instanceof UpstreamError && error.kind === 'timeout')
        throw new DOMException(error.message, 'TimeoutError')
      throw error
    })
    let body: unknown = null
    try {
      body = JSON.parse(answer.body.toString('utf8')) as unknown
    } catch {
      // Not JSON: the status says enough.
    }
    return { status: answer.status, body }
  }
}

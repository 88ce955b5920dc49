import { z } from 'zod'
import type { UpstreamClient } from '../upstream/upstream-client.ts'
import { asUpstreamError, upstreamFailureWords } from '../upstream/upstream-error.ts'

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
export async function readKeyUser(upstream: UpstreamClient, key: string): Promise<SelfResult> {
  let answer
  try {
    answer = await upstream({ path: '/users/self', key })
  } catch (error) {
    return { kind: 'unavailable', message: asUpstreamError(error).message }
  }
  if (answer.status === 401 || answer.status === 403) return { kind: 'rejected' }
  if (answer.status !== 200) return { kind: 'unavailable', message: upstreamFailureWords.status(answer.status) }
  const parsed = selfSchema.safeParse(answer.json())
  if (!parsed.success) return { kind: 'unavailable', message: upstreamFailureWords.unreadableUser }
  const { _id, companyId, general } = parsed.data
  const userName = [general?.firstName, general?.lastName].filter(Boolean).join(' ') || _id
  return { kind: 'ok', user: { userId: _id, userName, companyId } }
}

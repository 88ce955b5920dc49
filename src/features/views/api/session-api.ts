import { z } from 'zod/mini'
import { appRequest } from '../../../lib/api-client.ts'
import { ApiError } from '../../../shared/api-error.ts'
import { WRITE_OPERATIONS } from '../../../shared/tasks/api/task-change.ts'

export const identityModeSchema = z.enum(['demo', 'shared-key', 'personal-key'])

export const sessionSchema = z.object({
  mode: identityModeSchema,
  signedIn: z.boolean(),
  user: z.nullable(z.object({ id: z.string(), name: z.string() })),
  problem: z.optional(z.string()),
  /** The task changes this person may make here; none for a reader (and from a server that predates them). */
  writes: z.catch(z.array(z.enum(WRITE_OPERATIONS)), []),
})
export type Session = z.infer<typeof sessionSchema>

function parseSession(body: unknown): Session {
  const parsed = sessionSchema.safeParse(body)
  if (!parsed.success)
    throw new ApiError({
      kind: 'unexpected-shape',
      message: 'The server answered with something that is not a session.',
    })
  return parsed.data
}

/** Who the board acts as, and in which identity mode. */
export async function getSession({ signal }: { signal?: AbortSignal } = {}): Promise<Session> {
  return parseSession(await appRequest('/session', { signal }))
}

/** Sends the personal key once; the server keeps it and answers with an httpOnly cookie. */
export async function signIn(apiKey: string): Promise<Session> {
  return parseSession(await appRequest('/session', { method: 'POST', body: { apiKey } }))
}

export async function signOut(): Promise<void> {
  await appRequest('/session', { method: 'DELETE' })
}

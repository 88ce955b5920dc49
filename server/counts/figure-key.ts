import type { IncomingMessage, ServerResponse } from 'node:http'
import { isCrossSiteRequest } from '../http/cross-site-guard.ts'
import { sendJsonError } from '../http/json-error.ts'
import type { KeyCheck } from '../identity/client-keys.ts'
import type { RequestContext } from '../identity/request-context.ts'

/** How work asked for with a key nobody vouched for is refused. */
const KEY_REFUSALS: Record<Exclude<KeyCheck, 'accepted'>, { status: number; message: string; retryAfter?: string }> = {
  refused: { status: 401, message: 'Sign in, or send an API key the tasks API accepts, to see the figures.' },
  limited: {
    status: 429,
    message: 'Too many API keys from this address were refused; try again in a minute.',
    retryAfter: '60',
  },
  unavailable: {
    status: 503,
    message: 'The tasks API could not say whether the key is valid; try again shortly.',
    retryAfter: '5',
  },
}

/**
 * The key for work of many upstream requests (figures, exports), asked for
 * from this site only, so no other site can spend a company's requests
 * through a visitor's browser: only a key the upstream has accepted goes,
 * the server's, a session's (checked at sign-in), or one the client sent
 * that the upstream has been shown. Else the refusal is answered and
 * `accepted` is false.
 */
export async function acceptedKey(
  req: IncomingMessage,
  context: RequestContext,
  res: ServerResponse,
): Promise<{ accepted: true; key: string | undefined } | { accepted: false }> {
  if (isCrossSiteRequest(req)) {
    sendJsonError(res, 403, 'Cross-site requests are not allowed.')
    return { accepted: false }
  }
  const key = await context.upstreamKey()
  const check = key === undefined ? 'refused' : await context.checkKey()
  if (check === 'accepted') return { accepted: true, key }
  const { status, message, retryAfter } = KEY_REFUSALS[check]
  sendJsonError(res, status, message, retryAfter ? { 'retry-after': retryAfter } : {})
  return { accepted: false }
}

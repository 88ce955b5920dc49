import { createRequestContexts } from '../identity/identity-resolver.ts'
import type { ContextFor } from '../identity/request-context.ts'
import type { UpstreamClient } from '../upstream/upstream-client.ts'

/**
 * Request contexts for an app server without a store, as the real ones
 * choose the key: the server's when it has one, else the browser's (nobody
 * is ever signed in).
 */
export function keyContexts(
  serverKey: string | undefined,
  upstream: UpstreamClient,
  trustedProxies: readonly string[] = [],
): ContextFor {
  return createRequestContexts({
    mode: serverKey
      ? { kind: 'shared-key', apiKey: serverKey, trustedUserHeader: undefined }
      : { kind: 'personal-key', sessions: { find: () => Promise.resolve(null), remove: () => Promise.resolve() } },
    upstream,
    trustedProxies,
  })
}

import { readKeyUser } from '../identity/upstream-self.ts'
import type { UpstreamClient } from '../upstream/upstream-client.ts'
import { createRequestBudget } from './request-budget.ts'
import { hashUpstreamKey } from './upstream-key.ts'

/** How long the upstream's word on a key is kept: a key it accepted, a key it refused. */
const ACCEPTED_FOR_MS = 10 * 60_000
const REFUSED_FOR_MS = 60_000
/** Keys most kept; the oldest go first. */
const MAX_KEYS = 10_000

export type KeyCheck = 'accepted' | 'refused' | 'limited' | 'unavailable'

/**
 * Whether a key a client sent itself may spend the figures' work. A count or
 * a workload costs many upstream requests, so a key nobody vouched for
 * (neither the server's nor a signed-in session's) is first shown to the
 * upstream once (`/users/self`), and the answer kept: a fresh made-up key
 * per request costs one upstream request, not a counting run, and an address
 * may have only `checksPerMinute` keys checked a minute.
 */
export function createKeyCheck({
  upstream,
  checksPerMinute = 10,
  now = Date.now,
}: {
  upstream: UpstreamClient
  checksPerMinute?: number
  now?: () => number
}) {
  const known = new Map<string, { accepted: boolean; until: number }>()
  const checks = createRequestBudget(checksPerMinute, now)

  return async function checkKey(key: string, address: string): Promise<KeyCheck> {
    const id = hashUpstreamKey(key)
    const kept = known.get(id)
    if (kept && kept.until > now()) return kept.accepted ? 'accepted' : 'refused'
    if (!checks.take(address)) return 'limited'
    const self = await readKeyUser(upstream, key)
    if (self.kind === 'unavailable') return 'unavailable'
    const accepted = self.kind === 'ok'
    known.delete(id)
    known.set(id, { accepted, until: now() + (accepted ? ACCEPTED_FOR_MS : REFUSED_FOR_MS) })
    if (known.size > MAX_KEYS) known.delete(known.keys().next().value!)
    return accepted ? 'accepted' : 'refused'
  }
}

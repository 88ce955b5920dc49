import { createRequestBudget } from '../http/request-budget.ts'
import { hashUpstreamKey } from '../upstream/upstream-key.ts'
import type { UpstreamClient } from '../upstream/upstream-client.ts'
import { readKeyUser } from './upstream-self.ts'

/** Whether a key a client sent may spend the figures' work, and if not, why. */
export type KeyCheck = 'accepted' | 'refused' | 'limited' | 'unavailable'

/** How long the upstream's word on a key is kept: a key it accepted, a key it refused. */
const ACCEPTED_FOR_MS = 10 * 60_000
const REFUSED_FOR_MS = 60_000
/** Keys most kept; the oldest go first. */
const MAX_KEYS = 10_000

export interface ClientKeys {
  /** The upstream answered the key (2xx). */
  accepted(key: string): void
  /** The upstream refused the key (401). */
  refused(key: string): void
  /**
   * Whether the key may go upstream through the proxy: one the upstream
   * accepted lately always, any other only while its address has a trial
   * left this minute (and it spends one).
   */
  mayGo(key: string, address: string): boolean
  /**
   * Whether the key may spend the figures' work, which costs many upstream
   * requests: the upstream's word kept from before, or asked once
   * (`/users/self`, a trial of the address) and kept.
   */
  check(key: string, address: string): Promise<KeyCheck>
}

/**
 * Keys clients send themselves (personal-key mode), in one table for the
 * proxy and the figures: the upstream's last word on each (by hash), and per
 * address the trials of the minute. A trial is a key the upstream has not
 * accepted lately being shown to it; an address has `trialsPerMinute`. So a
 * guesser tests ten keys a minute from one address, through `/api/` or the
 * figures alike, while a script's good key, once accepted, is never held.
 */
export function createClientKeys({
  upstream,
  trialsPerMinute = 10,
  now = Date.now,
}: {
  upstream: UpstreamClient
  trialsPerMinute?: number
  now?: () => number
}): ClientKeys {
  const known = new Map<string, { accepted: boolean; until: number }>()
  const trials = createRequestBudget(trialsPerMinute, now)

  function wordOn(key: string): boolean | undefined {
    const kept = known.get(hashUpstreamKey(key))
    return kept && kept.until > now() ? kept.accepted : undefined
  }

  function keep(key: string, accepted: boolean): void {
    const id = hashUpstreamKey(key)
    known.delete(id)
    known.set(id, { accepted, until: now() + (accepted ? ACCEPTED_FOR_MS : REFUSED_FOR_MS) })
    if (known.size > MAX_KEYS) known.delete(known.keys().next().value!)
  }

  return {
    accepted: (key) => keep(key, true),
    refused: (key) => keep(key, false),
    mayGo: (key, address) => wordOn(key) === true || trials.take(address),
    async check(key, address) {
      const word = wordOn(key)
      if (word !== undefined) return word ? 'accepted' : 'refused'
      if (!trials.take(address)) return 'limited'
      const self = await readKeyUser(upstream, key)
      if (self.kind === 'unavailable') return 'unavailable'
      keep(key, self.kind === 'ok')
      return self.kind === 'ok' ? 'accepted' : 'refused'
    },
  }
}

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
  /** The upstream answered the key with anything but a refusal. */
  accepted(key: string): void
  /** The upstream refused the key (401): it counts against the address it came from. */
  refused(key: string, address: string): void
  /**
   * Whether the key may go upstream through the proxy: one the upstream
   * accepted lately always, any other while its address has had fewer than
   * `refusalsPerMinute` keys refused this minute.
   */
  mayGo(key: string, address: string): boolean
  /**
   * Whether the key may spend the figures' work, which costs many upstream
   * requests: the upstream's word kept from before, or asked once
   * (`/users/self`; requests that ask at the same moment share the answer)
   * and kept, under the same limit per address as the proxy.
   */
  check(key: string, address: string): Promise<KeyCheck>
}

/**
 * Keys clients send themselves (personal-key mode), in one table for the
 * proxy and the figures: the upstream's last word on each (by hash), and per
 * address the keys it refused this minute. Once an address has had
 * `refusalsPerMinute` keys refused, keys from there that the upstream has
 * not accepted lately are held back, through `/api/` and the figures alike:
 * a guesser tests ten keys a minute, and a script's good key is never held.
 */
export function createClientKeys({
  upstream,
  refusalsPerMinute = 10,
  now = Date.now,
}: {
  upstream: UpstreamClient
  refusalsPerMinute?: number
  now?: () => number
}): ClientKeys {
  const known = new Map<string, { accepted: boolean; until: number }>()
  const refusals = createRequestBudget(refusalsPerMinute, now)
  const asking = new Map<string, Promise<KeyCheck>>()
  const held = (address: string) => refusals.spent(address) >= refusalsPerMinute

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

  function refused(key: string, address: string): void {
    keep(key, false)
    refusals.take(address)
  }

  async function ask(key: string, address: string): Promise<KeyCheck> {
    const self = await readKeyUser(upstream, key)
    if (self.kind === 'unavailable') return 'unavailable'
    if (self.kind === 'rejected') {
      refused(key, address)
      return 'refused'
    }
    keep(key, true)
    return 'accepted'
  }

  return {
    accepted: (key) => keep(key, true),
    refused,
    mayGo: (key, address) => wordOn(key) === true || !held(address),
    async check(key, address) {
      const word = wordOn(key)
      if (word !== undefined) return word ? 'accepted' : 'refused'
      if (held(address)) return 'limited'
      const id = hashUpstreamKey(key)
      let answer = asking.get(id)
      if (!answer) {
        answer = ask(key, address).finally(() => asking.delete(id))
        asking.set(id, answer)
      }
      return answer
    },
  }
}

/** Page requests (what a person is waiting for) go before background work such as counting. */
export type UpstreamPriority = 'page' | 'background'

export class GateFullError extends Error {}

/**
 * At most `limit` holders at once; up to `maxQueued` more wait, page
 * requests ahead of background ones, each in arrival order. A waiter whose
 * signal aborts leaves the queue.
 */
export function createConcurrencyGate({ limit, maxQueued }: { limit: number; maxQueued: number }) {
  let active = 0
  const queues: Record<UpstreamPriority, (() => void)[]> = { page: [], background: [] }

  function release(): void {
    const next = queues.page.shift() ?? queues.background.shift()
    if (next) next()
    else active -= 1
  }

  /** Resolves with a release function once a slot is free; rejects with GateFullError or the signal's reason. */
  function acquire(priority: UpstreamPriority, signal: AbortSignal): Promise<() => void> {
    if (signal.aborted) return Promise.reject(signal.reason as Error)
    if (active < limit) {
      active += 1
      return Promise.resolve(once(release))
    }
    if (queues.page.length + queues.background.length >= maxQueued) {
      return Promise.reject(new GateFullError('Too many requests are waiting for the tasks API'))
    }
    return new Promise((resolve, reject) => {
      const queue = queues[priority]
      const grant = () => {
        signal.removeEventListener('abort', onAbort)
        resolve(once(release))
      }
      const onAbort = () => {
        queue.splice(queue.indexOf(grant), 1)
        reject(signal.reason as Error)
      }
      queue.push(grant)
      signal.addEventListener('abort', onAbort, { once: true })
    })
  }

  return { acquire, stats: () => ({ active, queued: queues.page.length + queues.background.length }) }
}

function once(release: () => void): () => void {
  let done = false
  return () => {
    if (done) return
    done = true
    release()
  }
}

/** One server-sent event as every tab is told it. */
export interface SharedEvent {
  event: string
  data: string
  /** The event's number (its `id:`); empty when it had none. */
  id: string
}

export interface SharedEventSourceOptions {
  /** The stream's address; a tab that takes the stream over adds `after=<the last number seen>`. */
  url: string
  /** The event names to pass on. */
  events: readonly string[]
  onEvent: (event: SharedEvent) => void
  /** How long to wait before opening again a stream the server refused (a 401, 429 or 503 ends an EventSource). */
  reopenMs?: number
}

/**
 * One EventSource for all of this browser's tabs on the page's site: a
 * browser keeps six connections per site, and a dozen tabs of the board
 * would otherwise hold them all. The tab that holds a Web Lock opens the
 * stream and passes each event to the others over a BroadcastChannel; when
 * it closes, the lock goes to another tab, which opens the stream again
 * from the last number seen. A browser without either opens one per tab;
 * one without EventSource none.
 * Answers a stop.
 */
export function openSharedEventSource({
  url,
  events,
  onEvent,
  reopenMs = 60_000,
}: SharedEventSourceOptions): () => void {
  // Without server-sent events (an old browser, a test's DOM) nothing is opened: the caller's refresh stands.
  if (typeof EventSource !== 'function') return () => {}
  let lastId = ''
  // Once stopped, nothing more is opened, passed on or told: a lock granted in the same moment comes to nothing.
  let stopped = false
  const tell = (event: SharedEvent) => {
    if (event.id) lastId = event.id
    onEvent(event)
  }
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`events:${url}`) : null
  channel?.addEventListener('message', (message: MessageEvent<SharedEvent>) => tell(message.data))

  /** Holds the stream until the answered stop. */
  const lead = (): (() => void) => {
    let source: EventSource | null = null
    let timer: ReturnType<typeof setTimeout> | undefined
    const open = () => {
      if (stopped) return
      source = new EventSource(lastId ? `${url}${url.includes('?') ? '&' : '?'}after=${lastId}` : url)
      for (const name of events) {
        source.addEventListener(name, (message: MessageEvent<string>) => {
          if (stopped) return
          const event = { event: name, data: message.data, id: message.lastEventId }
          channel?.postMessage(event)
          tell(event)
        })
      }
      // A broken connection reconnects by itself (with Last-Event-ID); a refusal closes the source for good.
      source.addEventListener('error', () => {
        if (source?.readyState !== EventSource.CLOSED) return
        source.close()
        timer = setTimeout(open, reopenMs)
      })
    }
    open()
    return () => {
      clearTimeout(timer)
      source?.close()
    }
  }

  if (!channel || typeof navigator === 'undefined' || !navigator.locks) {
    const stop = lead()
    return () => {
      stopped = true
      stop()
      channel?.close()
    }
  }
  const abandon = new AbortController()
  let release: (() => void) | undefined
  navigator.locks
    .request(`events:${url}`, { signal: abandon.signal }, () => {
      if (stopped) return Promise.resolve()
      const stop = lead()
      return new Promise<void>((resolve) => {
        release = () => {
          stop()
          resolve()
        }
      })
    })
    .catch(() => {
      // Stopped while waiting for the lock.
    })
  return () => {
    stopped = true
    abandon.abort()
    release?.()
    channel.close()
  }
}

/** One server-sent event as a client reads it. */
export interface StreamEvent {
  event: string
  data: string
  id: string | undefined
}

export interface EventStream {
  status: number
  /** The next event named `name` not yet taken (waits up to `timeoutMs`). */
  next(name: string, timeoutMs?: number): Promise<StreamEvent>
  /** Every event named `name` come so far and not yet taken, in order. */
  drain(name: string): StreamEvent[]
  /** Resolves true when the server ended the stream. */
  ended: Promise<boolean>
  close(): void
}

/**
 * A server-sent event stream read with fetch, as a test or a benchmark
 * reads `/app/events` (Node has no EventSource): the events in order, and
 * whether the server ended it.
 */
export async function openEventStream(url: string, headers: Record<string, string> = {}): Promise<EventStream> {
  const controller = new AbortController()
  const response = await fetch(url, { headers, signal: controller.signal })
  const events: StreamEvent[] = []
  let wake: () => void = () => {}
  const ended = (async () => {
    if (!response.body) return true
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
    let buffer = ''
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) return true
        buffer += value
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const fields = new Map<string, string>()
          for (const line of block.split('\n')) {
            const colon = line.indexOf(':')
            if (colon <= 0) continue // a comment (keep-alive) or a bare name
            fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart())
          }
          if (fields.has('event') || fields.has('data')) {
            events.push({
              event: fields.get('event') ?? 'message',
              data: fields.get('data') ?? '',
              id: fields.get('id'),
            })
            wake()
          }
        }
      }
    } catch {
      return false // closed by this side
    } finally {
      wake()
    }
  })()
  return {
    status: response.status,
    async next(name, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs
      for (;;) {
        const index = events.findIndex((event) => event.event === name)
        if (index >= 0) return events.splice(index, 1)[0]!
        if (Date.now() > until) throw new Error(`No "${name}" event within ${timeoutMs} ms`)
        await new Promise<void>((resolve) => {
          wake = resolve
          setTimeout(resolve, 100)
        })
      }
    },
    drain(name) {
      const taken = events.filter((event) => event.event === name)
      events.splice(0, events.length, ...events.filter((event) => event.event !== name))
      return taken
    },
    ended,
    close: () => controller.abort(),
  }
}

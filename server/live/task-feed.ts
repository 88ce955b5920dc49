import type { Database } from '../store/database.ts'
import { TASK_FEED_CHANNEL } from '../task-writes/change-log.ts'

/** One change applied through the board, on any app server of the store: which task of which company. */
export interface FeedEvent {
  seq: number
  companyId: string
  taskId: string
}

/** The most changes a reconnecting browser is sent; past that it is told to read everything again. */
export const REPLAY_MAX = 500
/**
 * How far back each read looks past the last number seen. Numbers are taken
 * as changes end and committed a moment later, so a change can become
 * visible after a higher-numbered one; the look-back finds it, and the
 * numbers already passed on are skipped.
 */
const LOOK_BACK = 200
/** How long a feed whose store cannot be read waits before starting or reading again. */
const RETRY_MS = 5000
/**
 * How often the feed reads even without a notification: a listening
 * connection whose peer vanished (a failover without a reset) reports
 * nothing, and this bounds what that costs.
 */
const BACKSTOP_MS = 30_000
/** How far before a reconnecting browser's last number its replay starts: changes committed out of order. */
export const REPLAY_LOOK_BACK = 20
/** Rows one read takes; a longer backlog is read in several. */
const READ_ROWS = 1000

export interface TaskFeed {
  /** Calls `listener` with each change applied from now on, through this app server or any other. */
  subscribe(listener: (event: FeedEvent) => void): () => void
  /** The newest number seen: where a browser connecting now starts. */
  latest(): number
  /**
   * A company's changes numbered after `seq` (and the few before it that
   * may have been committed late), oldest first; null when more than
   * REPLAY_MAX are missing, so the caller reads everything again instead.
   */
  since(companyId: string, seq: number): Promise<FeedEvent[] | null>
  /** Whether the feed knows where it stands (started on a readable store): until then it can replay nothing. */
  isStarted(): boolean
  /** Starts listening; resolves once the feed knows where it stands. */
  start(): Promise<void>
  stop(): Promise<void>
}

interface FeedRow {
  feed_seq: string | number
  company_id: string
  task_id: string
}

const toEvent = (row: FeedRow): FeedEvent => ({
  seq: Number(row.feed_seq),
  companyId: row.company_id,
  taskId: row.task_id,
})

/**
 * The change feed, from the change log (task_changes.feed_seq) and the
 * store's NOTIFY: a notification only says "read on", so one lost while a
 * connection is re-made costs nothing but a moment. With the embedded store
 * the same code runs in one process.
 */
export function createTaskFeed(db: Database): TaskFeed {
  const listeners = new Set<(event: FeedEvent) => void>()
  let last = 0
  /** Numbers passed on within the look-back, so a late commit is passed on once. */
  const passed = new Set<number>()
  let reading: Promise<void> | null = null
  let readAgain = false
  let stopListening: (() => Promise<void>) | null = null
  let stopped = false
  let started = false
  let backstop: ReturnType<typeof setInterval> | undefined
  let retry: ReturnType<typeof setTimeout> | undefined

  async function readOnce(): Promise<boolean> {
    const rows = await db.query<FeedRow>(
      `SELECT feed_seq, company_id, task_id FROM task_changes
       WHERE feed_seq > $1 ORDER BY feed_seq LIMIT ${READ_ROWS}`,
      [Math.max(0, last - LOOK_BACK)],
    )
    for (const event of rows.map(toEvent)) {
      if (passed.has(event.seq)) continue
      passed.add(event.seq)
      last = Math.max(last, event.seq)
      for (const listener of listeners) listener(event)
    }
    for (const seq of passed) if (seq <= last - LOOK_BACK) passed.delete(seq)
    return rows.length === READ_ROWS
  }

  /** Reads what is new; a notification that comes during a read makes one more read after it. */
  function read(): Promise<void> {
    if (reading) {
      readAgain = true
      return reading
    }
    reading = (async () => {
      try {
        do {
          readAgain = false
          while (await readOnce()) {
            // a backlog longer than one read
          }
        } while (readAgain)
      } catch {
        // The store is away: read again shortly (and on the next notification).
        clearTimeout(retry)
        retry = setTimeout(() => void read(), RETRY_MS)
        retry.unref()
      } finally {
        reading = null
      }
    })()
    return reading
  }

  return {
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    latest: () => last,
    isStarted: () => started,
    async since(companyId, seq) {
      // A little before the number seen: a change numbered earlier may have been committed after it.
      const rows = await db.query<FeedRow>(
        `SELECT feed_seq, company_id, task_id FROM task_changes
         WHERE company_id = $1 AND feed_seq > $2 ORDER BY feed_seq LIMIT ${REPLAY_MAX + 1}`,
        [companyId, Math.max(0, seq - REPLAY_LOOK_BACK)],
      )
      if (rows.length > REPLAY_MAX) return null
      return rows.map(toEvent)
    },
    async start() {
      // Until the store answers, try again every few seconds: the feed starts when the store is back.
      while (!stopped) {
        try {
          const [row] = await db.query<{ seq: string | null }>(
            'SELECT max(feed_seq) AS seq FROM task_changes WHERE feed_seq IS NOT NULL',
          )
          last = Number(row?.seq ?? 0)
          // What is already there was passed on before this server started: only later changes are news.
          const recent = await db.query<{ feed_seq: string | number }>(
            'SELECT feed_seq FROM task_changes WHERE feed_seq > $1',
            [Math.max(0, last - LOOK_BACK)],
          )
          for (const done of recent) passed.add(Number(done.feed_seq))
          stopListening = await db.listen(TASK_FEED_CHANNEL, () => void read())
          if (stopped) {
            await stopListening()
            return
          }
          backstop = setInterval(() => void read(), BACKSTOP_MS)
          backstop.unref()
          started = true
          return
        } catch {
          await new Promise((resolve) => setTimeout(resolve, RETRY_MS).unref())
        }
      }
    },
    async stop() {
      stopped = true
      clearInterval(backstop)
      clearTimeout(retry)
      await stopListening?.()
      stopListening = null
      await reading
    },
  }
}

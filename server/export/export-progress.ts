/** An export's state as the dialog that started it shows it. */
export interface ExportProgress {
  state: 'running' | 'done' | 'failed' | 'cancelled'
  /** Rows written so far. */
  rows: number
  /** The count before, when there was one. */
  expected: number | null
  /** What paging met, in the file's words (drift, a cut, unreadable rows), once the file is done. */
  notes: string[]
}

/** How long a finished export's progress can still be read: the dialog asks a moment after the file ends. */
const KEPT_MS = 10 * 60_000
/** Exports whose progress one person keeps: far above two at a time. */
const PER_PERSON = 20

interface Entry {
  progress: ExportProgress
  stop: AbortController
  endedAt: number | null
}

/**
 * The exports under way on this server and their last minutes, by the
 * person who started each and the id their browser gave it: the export
 * dialog reads how far a file is and what it met, and may cancel it. A
 * person reads and cancels only their own.
 */
export function createExportProgress(now: () => number = Date.now) {
  const entries = new Map<string, Entry>()
  const keyOf = (person: string, job: string) => `${person}\n${job}`

  function forget() {
    for (const [key, entry] of entries) {
      if (entry.endedAt !== null && now() - entry.endedAt > KEPT_MS) entries.delete(key)
    }
  }

  return {
    /** An export begins: its progress, and the signal that stops it when cancelled. Null when the id is in use. */
    begin(
      person: string,
      job: string,
      expected: number | null,
    ): { progress: ExportProgress; signal: AbortSignal } | null {
      forget()
      const key = keyOf(person, job)
      if (entries.has(key)) return null
      // The oldest finished one makes room; one still running stays followable and cancellable.
      const own = [...entries].filter(([other, entry]) => other.startsWith(`${person}\n`) && entry.endedAt !== null)
      if (own.length >= PER_PERSON) entries.delete(own[0]![0])
      const entry: Entry = {
        progress: { state: 'running', rows: 0, expected, notes: [] },
        stop: new AbortController(),
        endedAt: null,
      }
      entries.set(key, entry)
      return { progress: entry.progress, signal: entry.stop.signal }
    },
    end(person: string, job: string, state: Exclude<ExportProgress['state'], 'running'>, notes: string[] = []) {
      const entry = entries.get(keyOf(person, job))
      if (!entry || entry.progress.state !== 'running') return
      Object.assign(entry.progress, { state, notes })
      entry.endedAt = now()
    },
    read(person: string, job: string): ExportProgress | null {
      return entries.get(keyOf(person, job))?.progress ?? null
    },
    /** Stops a running export; false when there is none of this person's by that id. */
    cancel(person: string, job: string): boolean {
      const entry = entries.get(keyOf(person, job))
      if (!entry) return false
      if (entry.progress.state === 'running') {
        entry.stop.abort()
        entry.progress.state = 'cancelled'
        entry.endedAt = now()
      }
      return true
    },
  }
}

export type ExportProgressBoard = ReturnType<typeof createExportProgress>

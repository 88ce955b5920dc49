import { useMutation, useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { z } from 'zod/mini'
import { ModalDialog } from '../../../../components/ui/modal-dialog.tsx'
import { appHref, appRequest } from '../../../../lib/api-client.ts'
import { browserTimeZone, formatNumber } from '../../../../lib/format.ts'
import { useRenderEnvironment } from '../../../../lib/render-environment.tsx'
import { ApiError } from '../../../../shared/api-error.ts'
import { formatBoardSearch } from '../../../../shared/tasks/url-state/board-search.ts'
import type { BoardState } from '../../../../shared/tasks/url-state/board-state.ts'
import { useColumnPrefs } from '../../table/column-prefs.ts'
import { OPTIONAL_COLUMNS, taskColumns, type ColumnId } from '../../table/columns.tsx'
import { useExportI18n } from './words/export-words.ts'
import './export-dialog.css'

const sizeSchema = z.object({
  count: z.nullable(z.object({ state: z.enum(['exact', 'atLeast']), count: z.number() })),
  cap: z.number(),
  requests: z.nullable(z.number()),
})
type ExportSize = z.infer<typeof sizeSchema>

// Built from the zod/mini parts the first download already holds (a union would add its code there).
const progressSchema = z.object({
  /** `unknown`: not begun yet, as far as the server knows; it then sends nothing else. */
  state: z.enum(['unknown', 'running', 'done', 'failed', 'cancelled']),
  rows: z.optional(z.number()),
  expected: z.optional(z.nullable(z.number())),
  notes: z.optional(z.array(z.string())),
})
type ExportProgress = z.infer<typeof progressSchema>
/** How long the dialog waits for an export to begin before it says it did not. */
const BEGIN_WAIT_MS = 30_000

async function readProgress(job: string, signal: AbortSignal): Promise<ExportProgress> {
  const parsed = progressSchema.safeParse(
    await appRequest('/export/progress', { params: new URLSearchParams({ job }), signal }),
  )
  if (!parsed.success)
    throw new ApiError({ kind: 'unexpected-shape', message: 'The export progress could not be read.' })
  return parsed.data
}

async function readSize(view: string, signal: AbortSignal): Promise<ExportSize> {
  const parsed = sizeSchema.safeParse(
    await appRequest('/export/size', { params: new URLSearchParams({ view }), signal }),
  )
  if (!parsed.success) throw new ApiError({ kind: 'unexpected-shape', message: 'The export size could not be read.' })
  return parsed.data
}

/**
 * The view as a file: before anything is read, how many tasks it has and
 * what the export costs, or that it is over the cap (and the first tasks
 * up to it instead); then links the browser downloads itself, so the file
 * streams to disk with the browser's own progress and Cancel. The file
 * holds the view's columns as the table shows them on a wide screen, in
 * their order, in the board's language and the dates in its zone.
 */
export function ExportDialog({ board, open, onClose }: { board: BoardState; open: boolean; onClose: () => void }) {
  const { t, locale } = useExportI18n()
  const words = t.exportDialog
  const timeZone = useRenderEnvironment().timeZone ?? browserTimeZone()
  const { prefs } = useColumnPrefs()
  const columns = useMemo(
    () =>
      taskColumns
        .map((column) => column.id as ColumnId)
        .filter((id) => !OPTIONAL_COLUMNS.includes(id) || prefs.shown.includes(id)),
    [prefs.shown],
  )
  // The view is the board's state without its page: every page goes into the file.
  const view = formatBoardSearch({ ...board, page: 1 }).toString()
  const size = useQuery({
    queryKey: ['export', 'size', view] as const,
    queryFn: ({ signal }) => readSize(view, signal),
    enabled: open,
    staleTime: 60_000,
    // A count still under way is a lower bound: asked again until it is whole.
    refetchInterval: (query) => (query.state.data?.count?.state === 'atLeast' ? 2000 : false),
  })
  const number = (value: number) => formatNumber(value, locale)
  const hrefOf = (format: 'csv' | 'xlsx', first: boolean) =>
    appHref(
      '/export',
      new URLSearchParams({
        view,
        format,
        columns: columns.join(','),
        lang: locale,
        tz: timeZone,
        ...(first ? { first: 'true' } : {}),
        job,
      }),
    )
  const started = () => {
    setFollowing(job)
    // The next download's id once this one has left: a render within the click would change the link it follows.
    setTimeout(() => setJob(newJobId()), 0)
  }
  // Each download gets an id of its own, by which the dialog follows it and may cancel it.
  const [job, setJob] = useState(newJobId)
  const [following, setFollowing] = useState<string | null>(null)
  const cap = size.data?.cap ?? null
  const over = size.data?.count != null && cap !== null && size.data.count.count > cap

  return (
    <ModalDialog title={words.title} closeLabel={words.close} open={open} onClose={onClose} className="export-dialog">
      <p className="export-dialog__size" role="status">
        {size.isPending
          ? words.counting
          : size.isError || !size.data
            ? words.sizeFailed
            : sizeInWords(size.data, words, number)}
      </p>
      <p className="muted">{words.columns(columns.map((id) => t.columns[id]).join(', '))}</p>
      <div className="export-dialog__actions">
        {over && cap !== null ? (
          <>
            <a className="button" href={hrefOf('csv', true)} download onClick={started}>
              {words.firstCsv(number(cap))}
            </a>
            <a className="button" href={hrefOf('xlsx', true)} download onClick={started}>
              {words.firstXlsx(number(cap))}
            </a>
          </>
        ) : (
          <>
            <a className="button" href={hrefOf('csv', false)} download onClick={started}>
              {words.csv}
            </a>
            <a className="button" href={hrefOf('xlsx', false)} download onClick={started}>
              {words.xlsx}
            </a>
          </>
        )}
      </div>
      {following && <ExportFollower key={following} job={following} />}
      <p className="muted export-dialog__how">{words.how}</p>
    </ModalDialog>
  )
}

function sizeInWords(
  { count, cap, requests }: ExportSize,
  words: ReturnType<typeof useExportI18n>['t']['exportDialog'],
  number: (value: number) => string,
): string {
  if (count === null) return words.unknown(number(cap))
  if (count.count > cap) return words.overCap(number(count.count), number(cap))
  if (count.state === 'atLeast') return words.atLeast(number(count.count))
  return words.size(number(count.count), requests ?? 1)
}

/** 24 hex digits; `getRandomValues`, unlike `randomUUID`, is there on a plain-http intranet address too. */
function newJobId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/**
 * How far the file the browser is downloading has come, what it met (tasks
 * that changed while it was made, a cut), and Cancel, which stops it on the
 * server: the download is then cut off, and the dialog says it is no whole
 * file.
 */
function ExportFollower({ job }: { job: string }) {
  const { t, locale } = useExportI18n()
  const words = t.exportDialog
  const { now } = useRenderEnvironment()
  const [since] = useState(now)
  const progress = useQuery({
    queryKey: ['export', 'progress', job] as const,
    queryFn: ({ signal }) => readProgress(job, signal),
    // Asked every half second until it ends, or until it has not begun for half a minute.
    refetchInterval: (query) => {
      const state = query.state.data?.state
      if (state === 'unknown') return query.state.dataUpdatedAt - since < BEGIN_WAIT_MS ? 500 : false
      return state === undefined || state === 'running' ? 500 : false
    },
  })
  const cancel = useMutation({
    mutationFn: () => appRequest('/export/cancel', { method: 'POST', body: { job } }),
    onSettled: () => void progress.refetch(),
  })
  const data = progress.data
  const number = (value: number) => formatNumber(value, locale)
  const gaveUp = data?.state === 'unknown' && progress.dataUpdatedAt - since >= BEGIN_WAIT_MS
  const text =
    !data || data.state === 'unknown'
      ? gaveUp
        ? words.failed
        : words.starting
      : data.state === 'running'
        ? words.writing(number(data.rows ?? 0), data.expected == null ? null : number(data.expected))
        : data.state === 'done'
          ? words.done(number(data.rows ?? 0))
          : data.state === 'cancelled'
            ? words.cancelled
            : words.failed
  return (
    <div className="export-dialog__progress">
      <p role="status">{text}</p>
      {data?.state === 'done' && data.notes && data.notes.length > 0 && (
        <ul>
          {data.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {/* Once the server has begun it: a cancel before would find nothing to stop. */}
      {data?.state === 'running' && (
        <button type="button" className="button" disabled={cancel.isPending} onClick={() => cancel.mutate()}>
          {words.cancel}
        </button>
      )}
    </div>
  )
}

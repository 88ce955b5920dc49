import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
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
      }),
    )
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
            <a className="button" href={hrefOf('csv', true)} download>
              {words.firstCsv(number(cap))}
            </a>
            <a className="button" href={hrefOf('xlsx', true)} download>
              {words.firstXlsx(number(cap))}
            </a>
          </>
        ) : (
          <>
            <a className="button" href={hrefOf('csv', false)} download>
              {words.csv}
            </a>
            <a className="button" href={hrefOf('xlsx', false)} download>
              {words.xlsx}
            </a>
          </>
        )}
      </div>
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

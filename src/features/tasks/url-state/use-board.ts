import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useSearchParams } from 'react-router'
import { formatBoardSearch, parseBoardSearch, type IgnoredParam } from './board-search.ts'
import type { BoardState } from './board-state.ts'

export interface UpdateOptions {
  /** Replace the history entry instead of pushing one (typing in search, canonical rewrites). */
  replace?: boolean
}

/**
 * The board's view, read from the URL and written back to it. The only caller
 * of useSearchParams: every other component gets the view from here.
 *
 * A URL that is not canonical (invalid values, defaults written out, another
 * order) is replaced by its canonical form; what was dropped stays available
 * as `ignored` until dismissed, though the new URL no longer shows it.
 */
export function useBoard() {
  const [search, setSearch] = useSearchParams()
  const { board, ignored: ignoredNow } = useMemo(() => parseBoardSearch(search), [search])
  const canonical = useMemo(() => formatBoardSearch(board, search).toString(), [board, search])
  // What a link had that could not be used; kept after the rewrite below removes it from the URL.
  const [ignored, setIgnored] = useState<IgnoredParam[]>([])
  const [reportedFor, setReportedFor] = useState<string | null>(null)
  const searchText = search.toString()
  if (ignoredNow.length > 0 && reportedFor !== searchText) {
    setReportedFor(searchText)
    setIgnored(ignoredNow)
  }

  const needsRewrite = canonical !== searchText
  useEffect(() => {
    if (needsRewrite) setSearch(new URLSearchParams(canonical), { replace: true })
  }, [needsRewrite, canonical, setSearch])

  // Browsers throttle the History API; writes closer together than this are merged into the last one.
  const lastWrite = useRef(0)
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(() => () => clearTimeout(pending.current ?? undefined), [])

  // `update` keeps one identity for the page's life, so memoised controls do not re-render on every view change.
  const latest = useRef({ board, search, setSearch })
  useLayoutEffect(() => {
    latest.current = { board, search, setSearch }
  })

  const update = useCallback((patch: Partial<BoardState>, { replace = false }: UpdateOptions = {}) => {
    const { board, search, setSearch } = latest.current
    // Any change but paging returns to page 1; a patch that names `page` wins.
    const next = formatBoardSearch({ ...board, page: 1, ...patch }, search)
    const write = () => {
      lastWrite.current = Date.now()
      pending.current = null
      setSearch(next, { replace })
    }
    if (pending.current !== null) clearTimeout(pending.current)
    const wait = lastWrite.current + MIN_WRITE_INTERVAL_MS - Date.now()
    if (wait > 0) pending.current = setTimeout(write, wait)
    else write()
  }, [])

  const dismissIgnored = useCallback(() => setIgnored([]), [])

  return { board, ignored, dismissIgnored, update }
}

const MIN_WRITE_INTERVAL_MS = 50

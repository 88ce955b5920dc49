import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react'
import { useLocation, useNavigate, useSearchParams } from 'react-router'
import {
  BOARD_PARAMS,
  formatBoardSearch,
  IGNORED_REASONS,
  parseBoardSearch,
  type IgnoredParam,
} from '../../../shared/tasks/url-state/board-search.ts'
import { createBoardWriter, type BoardPatch, type Navigate } from '../../../shared/tasks/url-state/board-writer.ts'
import { viewHref } from '../../../shared/tasks/url-state/paths.ts'
import { formatSearchString } from '../../../shared/tasks/url-state/search-string.ts'

export type { UpdateOptions } from '../../../shared/tasks/url-state/board-writer.ts'

/** Browsers throttle the History API; writes closer together than this are merged into one. */
const MIN_WRITE_INTERVAL_MS = 50

/**
 * The board's view, read from the URL and written back to it: the one place
 * that writes the board's parameters, and the only caller of useSearchParams.
 * Other components read the address itself (useLocation) where the view is
 * not enough: a shared link keeps parameters the board does not know (Copy
 * link, the current view's actions, the short-link hint), a task link and the
 * detail's way back keep the query as it is, the workload reads its own
 * `order`, and an old path's redirect carries the query over.
 *
 * A URL that is not canonical (invalid values, defaults written out, another
 * order) is replaced by its canonical form; what was dropped travels in the
 * history entry's state, so the board can say so until it is dismissed,
 * though the new URL no longer shows it.
 */
export function useBoard() {
  const [search] = useSearchParams()
  const location = useLocation()
  const routerNavigate = useNavigate()
  // setSearchParams would write `URLSearchParams`' own encoding (`%2C`, `%3A`); the board writes its readable form.
  const setSearch = useCallback<Navigate>(
    (next, options) => void routerNavigate(`?${formatSearchString(next)}`, options),
    [routerNavigate],
  )
  const parsed = useMemo(() => parseBoardSearch(search), [search])
  const board = parsed.board
  const ignored = useMemo(
    () => (parsed.ignored.length > 0 ? parsed.ignored : ignoredFromHistory(location.state)),
    [parsed.ignored, location.state],
  )

  const canonical = useMemo(() => formatBoardSearch(board, search), [board, search])
  // Against the address as it is, so a link that escapes `,` or `:` is rewritten to the readable form too.
  const needsRewrite = formatSearchString(canonical) !== location.search.replace(/^\?/, '')
  useEffect(() => {
    if (needsRewrite) setSearch(canonical, { replace: true, state: { ignored } })
  }, [needsRewrite, canonical, ignored, setSearch])

  // One writer for the page's life, so `update` keeps its identity and memoised controls do not re-render.
  const [writer] = useState(() => createBoardWriter(MIN_WRITE_INTERVAL_MS))
  useLayoutEffect(() => {
    writer.connect({ key: location.key, search, ignored, navigate: setSearch })
  }, [writer, location.key, search, ignored, setSearch])
  useEffect(() => () => writer.cancel(), [writer])

  // What a control's link says, for a click before the scripts run, a new tab or a copied link; in place, `update`.
  const hrefOf = useCallback((patch: BoardPatch) => viewHref(board, patch, search), [board, search])

  return { board, ignored, dismissIgnored: writer.dismissIgnored, update: writer.update, hrefOf }
}

/** History state is ours, but it outlives code versions: read it as untrusted. */
function ignoredFromHistory(state: unknown): IgnoredParam[] {
  if (typeof state !== 'object' || state === null || !('ignored' in state) || !Array.isArray(state.ignored)) return []
  return (state.ignored as unknown[]).filter(isIgnoredParam)
}

function isIgnoredParam(value: unknown): value is IgnoredParam {
  if (typeof value !== 'object' || value === null) return false
  const { name, value: text, reason } = value as Record<string, unknown>
  return (
    (BOARD_PARAMS as readonly unknown[]).includes(name) &&
    typeof text === 'string' &&
    (IGNORED_REASONS as readonly unknown[]).includes(reason)
  )
}

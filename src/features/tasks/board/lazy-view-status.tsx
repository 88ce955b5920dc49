import { useMemo } from 'react'
import { useLocation } from 'react-router'
import { usePreloadWhenIdle } from '../../../lib/deferred/deferred-part.ts'
import { readOpenedView } from '../../views/opened-view.ts'
import { isLongLink } from '../../views/short-link.ts'
import { parseBoardSearch } from '../../../shared/tasks/url-state/board-search.ts'
import { shareableBoardLink } from '../../../shared/tasks/url-state/paths.ts'
import { viewStatusPart } from './deferred-parts.ts'
import { hasPage, pageOrigin } from '../../../lib/page-address.ts'

const VIEW_STATUS = [viewStatusPart]

/**
 * "Modified from …" and the current view's actions once this tab has opened a
 * saved view, and the short-link hint for a link too long to share (after the
 * first rows, `ready`, once the page is idle); before either there is nothing
 * to show, and its code is not fetched. It shows only after the
 * views have been asked for, so its late arrival moves nothing that was
 * already there. A fetch that fails shows nothing: the board, the
 * URL and the views menu work without it.
 */
export function LazyViewStatus({
  ready,
  ...props
}: {
  currentQuery: string
  onSaveAsNew: () => void
  /** The moment the board shows the changes since, if it does. */
  changed: number | null
  /** Shows only the tasks changed since this moment. */
  onShowChanges: (since: number) => void
  ready: boolean
}) {
  const { search } = useLocation()
  // Read again only when the address changes, not on every render of the board.
  const longLink = useMemo(() => isLongShareableLink(search), [search])
  const opened = ready && (readOpenedView() !== null || longLink)
  usePreloadWhenIdle(VIEW_STATUS, opened)
  const loaded = viewStatusPart.useLoaded()
  const ViewStatus = opened ? loaded?.ViewStatus : undefined
  return ViewStatus ? <ViewStatus {...props} /> : null
}

function isLongShareableLink(search: string): boolean {
  // A render on the server has no page, and never shows the status either (its part is not loaded there).
  if (!hasPage()) return false
  const params = new URLSearchParams(search)
  return isLongLink(shareableBoardLink(parseBoardSearch(params).board, params, pageOrigin()))
}

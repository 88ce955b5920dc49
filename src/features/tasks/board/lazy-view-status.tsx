import { useEffect } from 'react'
import { whenIdle } from '../../../lib/when-idle.ts'
import { readOpenedView } from '../../views/opened-view.ts'
import { viewStatusPart } from './views-parts.ts'

/**
 * "Modified from …" once this tab has opened a saved view (and the first rows
 * are there, `ready`, and the page is idle); before that there is nothing to
 * compare the URL with, and its code is not fetched. It shows only after the
 * views have been asked for, so its late arrival moves nothing that was
 * already there. A fetch that fails shows nothing: the board, the
 * URL and the views menu work without it.
 */
export function LazyViewStatus({
  currentQuery,
  onSaveAsNew,
  ready,
}: {
  currentQuery: string
  onSaveAsNew: () => void
  ready: boolean
}) {
  const opened = ready && readOpenedView() !== null
  const loaded = viewStatusPart.useLoaded()
  useEffect(() => (opened ? whenIdle(() => void viewStatusPart.load().catch(() => {})) : undefined), [opened])
  const ViewStatus = opened ? loaded?.ViewStatus : undefined
  return ViewStatus ? <ViewStatus currentQuery={currentQuery} onSaveAsNew={onSaveAsNew} /> : null
}

import { multiSelectPopover } from '../../../components/ui/multi-select.tsx'
import { deferredPart } from '../../../lib/deferred/deferred-part.ts'
import { columnMenuPopover } from '../table/column-menu.tsx'

/*
 * The board's parts kept out of the first download (scripts/first-download.test.ts
 * holds them to it): the board shows its first rows without them.
 */

export const detailPanel = deferredPart(() => import('../detail/task-detail-panel.tsx'))
export const shortcutsDialog = deferredPart(() => import('./shortcuts-dialog.tsx'))
/** Picking rows and changing them all: it asks the session whether this person may change tasks. */
export const selectionBarPart = deferredPart(() => import('../selection/selection-bar.tsx'))
/** The board kept current by the change feed: colleagues' changes through any app server, as they happen. */
export const liveUpdatesPart = deferredPart(() => import('../live/live-updates.tsx'))

/**
 * Everything the first rows do not need but a dispatcher soon reaches for —
 * filter lists, the column menu, the task panel, the shortcuts dialog, the
 * selection bar, the live updates —
 * fetched once the first answer is on screen and the page is idle.
 */
export const PRELOADED_PARTS = [
  multiSelectPopover,
  columnMenuPopover,
  detailPanel,
  shortcutsDialog,
  selectionBarPart,
  liveUpdatesPart,
]

/** The export dialog: on a press of Export. */
export const exportDialogPart = deferredPart(() => import('./export/export-dialog.tsx'))
/** The views panel: on a press of Views or `v`, or when the pointer or focus reaches the button. */
export const viewsMenuPart = deferredPart(() => import('../../views/components/views-menu.tsx'))
/** "Modified from …": only once this tab has opened a saved view. */
export const viewStatusPart = deferredPart(() => import('../../views/components/view-status.tsx'))
/** Who is signed in: after the first rows (it shows only with a personal key). */
export const signOutPart = deferredPart(() => import('../../views/components/sign-out-button.tsx'))
/** The sign-in form: only when the list answers 401. */
export const sessionListErrorPart = deferredPart(() => import('./notices/session-list-error.tsx'))

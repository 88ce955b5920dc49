import { lazyModule } from '../../../lib/lazy-module.ts'

/*
 * Saved views and sessions, kept out of the first download: the board shows
 * its first rows without them, and each is fetched when it is first used.
 */

/** The views panel: on a press of Views or `v`, or when the pointer or focus reaches the button. */
export const viewsMenuPart = lazyModule(() => import('../../views/components/views-menu.tsx'))
/** "Modified from …": only once this tab has opened a saved view. */
export const viewStatusPart = lazyModule(() => import('../../views/components/view-status.tsx'))
/** Who is signed in: after the first rows (it shows only with a personal key). */
export const signOutPart = lazyModule(() => import('../../views/components/sign-out-button.tsx'))
/** The sign-in form: only when the list answers 401. */
export const sessionListErrorPart = lazyModule(() => import('./notices/session-list-error.tsx'))

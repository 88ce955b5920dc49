/** How often an open board (its rows and its figures) asks again; paused while the tab is hidden. */
export const REFRESH_INTERVAL_MS = 60_000

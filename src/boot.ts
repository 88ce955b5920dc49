/**
 * The page's entry, and all of it that runs before the first paint. The
 * server's first screen is painted first, then the board's code is
 * evaluated (it arrives meanwhile: index.html preloads it): evaluating it
 * is the longest work of the start, and a browser that ran it first would
 * show the rows only after it. Its stylesheets are in index.html itself,
 * so the first paint is styled. In development the styles come with
 * the board's modules, so nothing waits there. A link clicked meanwhile is
 * followed by the browser (`links-before-running.ts`).
 */
import { afterPaint } from './lib/after-paint.ts'
import { holdLinksUntilRunning, untilStaying } from './lib/links-before-running.ts'

const serverScreen = document.getElementById('root')?.hasChildNodes() === true
if (serverScreen) holdLinksUntilRunning()
if (!import.meta.env.DEV && serverScreen) await afterPaint()
await untilStaying()
await import('./main.tsx')

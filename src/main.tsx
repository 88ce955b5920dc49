// First, so the first request leaves before the rest of the app is evaluated.
import { firstAddress, queryClient } from './app/first-request.ts'
import { startTransition, StrictMode } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { App } from './app/app.tsx'
import { APP_RUNNING_MARK } from './shared/first-screen-contract.ts'
import { mayTakeOver } from './app/take-over-first-screen.ts'
import { applySavedView } from './features/views/open-saved-view.ts'
import { initialLocale, loadLanguage } from './lib/i18n/i18n.tsx'
import { prepareFormatters } from './lib/format.ts'
import { liveEnvironment, shownEnvironment, type RenderEnvironment } from './lib/render-environment.tsx'
import { releaseLinks, untilStaying } from './lib/links-before-running.ts'
import { rememberDisplay } from './lib/storage.ts'
import { applyTheme, readTheme } from './lib/theme.ts'
import { whenIdle } from './lib/when-idle.ts'
import './styles.css'

// Before the first render, so a chosen theme never flashes the other one. A first screen from the server came with
// the theme on <html> already (the display cookie says it), and was painted before this runs.
applyTheme(readTheme())

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
// A language other than English is fetched before the first render rather than flashed in after it;
// the router starts on the address the board opens with (a bare board may become the default view, columns and all).
const [language, { defaultView, screen }] = await Promise.all([loadLanguage(initialLocale()), firstAddress])
// A click that waited while this code was evaluated is taken before the first render: a page that is being left
// starts nothing more.
await new Promise((resolve) => setTimeout(resolve))
await untilStaying()
if (defaultView) applySavedView(defaultView)
// What the app server needs to render this browser's next first screen as the board would.
window.addEventListener('pagehide', rememberDisplay)
let afterFirstRenderRan = false
/** After a first render that took the server's screen over: later renders read the browser as it is. */
let goLive = () => {}
/**
 * Once the first render is on the page: renders read the browser as it is
 * from then on, links are the board's, the board says it is running, and,
 * once idle, the display is remembered for the next page (which is all that
 * needs it).
 */
function afterFirstRender() {
  if (afterFirstRenderRan) return
  afterFirstRenderRan = true
  goLive()
  releaseLinks()
  performance.mark(APP_RUNNING_MARK)
  whenIdle(rememberDisplay)
}
const appIn = (environment: RenderEnvironment) => (
  <StrictMode>
    <App language={language} queryClient={queryClient} environment={environment} onFirstRender={afterFirstRender} />
  </StrictMode>
)
if (screen && root.hasChildNodes() && mayTakeOver(screen, language.locale)) {
  // The server's first screen is what this render would make: React adopts it instead of building it again, reading
  // the browser as the server did (its clock above all). The browser has painted it already (boot.ts waits for that).
  const taken = hydrateRoot(root, appIn(shownEnvironment(screen)))
  goLive = () => startTransition(() => taken.render(appIn(liveEnvironment())))
} else {
  createRoot(root).render(appIn(liveEnvironment()))
}
whenIdle(() => prepareFormatters(language.locale))

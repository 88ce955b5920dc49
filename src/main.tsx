// First, so the first request leaves before the rest of the app is evaluated.
import { firstAddress, firstRenderDone, queryClient } from './app/first-request.ts'
import { StrictMode } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { App } from './app/app.tsx'
import { APP_RUNNING_MARK } from './app/first-screen-contract.ts'
import { mayTakeOver } from './app/take-over-first-screen.ts'
import { applySavedView } from './features/views/open-saved-view.ts'
import { initialLocale, loadLanguage } from './lib/i18n/i18n.tsx'
import { prepareFormatters } from './lib/format.ts'
import { enterRenderScope, leaveRenderScope } from './lib/render-scope.ts'
import { rememberDisplay } from './lib/storage.ts'
import { applyTheme, readTheme } from './lib/theme.ts'
import { whenIdle } from './lib/when-idle.ts'
import './styles.css'

// Before the first paint, so a chosen theme never flashes the other one.
applyTheme(readTheme())

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
// A language other than English is fetched before the first render rather than flashed in after it;
// the router starts on the address the board opens with (a bare board may become the default view, columns and all).
const [language, { defaultView, screen }] = await Promise.all([loadLanguage(initialLocale()), firstAddress])
if (defaultView) applySavedView(defaultView)
// What the app server needs to render this browser's next first screen as the board would.
rememberDisplay()
window.addEventListener('pagehide', rememberDisplay)
let afterFirstRenderRan = false
/**
 * Once the first render is on the page: the server's render scope ends (later
 * renders read the browser's own clock), the board says it is running, and
 * the rest of a long handed-over page is read.
 */
function afterFirstRender() {
  if (afterFirstRenderRan) return
  afterFirstRenderRan = true
  leaveRenderScope()
  performance.mark(APP_RUNNING_MARK)
  firstRenderDone()
}
const app = (
  <StrictMode>
    <App language={language} queryClient={queryClient} onFirstRender={afterFirstRender} />
  </StrictMode>
)
if (screen && root.hasChildNodes() && mayTakeOver(screen, language.locale)) {
  // The server's first screen is what this render would make: React adopts it instead of building it again.
  enterRenderScope({ now: screen.now, windowWidth: screen.windowWidth, frameHeight: screen.frameHeight })
  hydrateRoot(root, app)
} else {
  createRoot(root).render(app)
}
whenIdle(() => prepareFormatters(language.locale))

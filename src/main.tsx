// First, so the first request leaves before the rest of the app is evaluated.
import { firstAddress, queryClient } from './app/first-request.ts'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app.tsx'
import { applySavedView } from './features/views/open-saved-view.ts'
import { initialLocale, loadLanguage } from './lib/i18n/i18n.tsx'
import { prepareFormatters } from './lib/format.ts'
import { applyTheme, readTheme } from './lib/theme.ts'
import { whenIdle } from './lib/when-idle.ts'
import './styles.css'

// Before the first paint, so a chosen theme never flashes the other one.
applyTheme(readTheme())

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
// A language other than English is fetched before the first render rather than flashed in after it;
// the router starts on the address the board opens with (a bare board may become the default view, columns and all).
const [language, defaultView] = await Promise.all([loadLanguage(initialLocale()), firstAddress])
if (defaultView) applySavedView(defaultView)
createRoot(root).render(
  <StrictMode>
    <App language={language} queryClient={queryClient} />
  </StrictMode>,
)
whenIdle(() => prepareFormatters(language.locale))

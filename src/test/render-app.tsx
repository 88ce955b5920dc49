import { QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter, useLocation, type Location } from 'react-router'
import { inject } from 'vitest'
import { createQueryClient } from '../app/query-client.ts'
import { GuardedRoutes } from '../app/router.tsx'
import { setApiBase } from '../lib/api-client.ts'
import { en } from '../shared/i18n/en.ts'
import { I18nProvider } from '../lib/i18n/i18n.tsx'

/**
 * jsdom lays nothing out, so every element measures 0 × 0 and the virtualized
 * table would render no rows. The table's scrolling frame gets a window-high
 * size, as a browser gives it; everything else stays unmeasured.
 */
function giveTheTableFrameASize() {
  const measure = (fallback: PropertyDescriptor | undefined, size: () => number) => ({
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('table-wrap') ? size() : ((fallback?.get?.call(this) as number | undefined) ?? 0)
    },
  })
  const prototype = HTMLElement.prototype
  const height = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight')
  const width = Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth')
  Object.defineProperty(
    prototype,
    'clientHeight',
    measure(height, () => window.innerHeight),
  )
  Object.defineProperty(
    prototype,
    'clientWidth',
    measure(width, () => window.innerWidth),
  )
}
giveTheTableFrameASize()

/**
 * Renders the whole app at `url`, in English, against the test run's app
 * server and its demo API (real requests, no mocks). `location()` is the
 * address the router holds now.
 */
export function renderApp(url: string) {
  setApiBase(`${inject('appOrigin')}/api`)
  const queryClient = createQueryClient()
  let current: Location | null = null
  function LocationProbe() {
    current = useLocation()
    return null
  }
  const view = render(
    <I18nProvider initial={{ locale: 'en', t: en }}>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[url]}>
          <GuardedRoutes />
          <LocationProbe />
        </MemoryRouter>
      </QueryClientProvider>
    </I18nProvider>,
  )
  return {
    ...view,
    user: userEvent.setup(),
    queryClient,
    location: (): Location => {
      if (current === null) throw new Error('the router has not rendered yet')
      return current
    },
  }
}

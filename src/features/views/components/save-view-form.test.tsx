import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, expect, test, vi } from 'vitest'
import { de } from '../../../shared/i18n/de.ts'
import { I18nProvider } from '../../../lib/i18n/i18n.tsx'
import { viewWordsDe } from '../words/de.ts'
import { SaveViewForm } from './save-view-form.tsx'

afterEach(() => {
  vi.unstubAllGlobals()
})

test('a save the store refused is told in German on the German board, not in the server’s English', async () => {
  // The app server's answer with the database out of reach (server/http/answer-failure.ts).
  const message =
    'Saved views are unavailable: the database cannot be reached. Nothing saved is lost; try again shortly.'
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.resolve(Response.json({ message, errors: [{ message }] }, { status: 503 }))),
  )
  const user = userEvent.setup()
  render(
    <I18nProvider initial={{ locale: 'de', t: de }}>
      <QueryClientProvider client={new QueryClient()}>
        <SaveViewForm query="tab=open" disabled={false} />
      </QueryClientProvider>
    </I18nProvider>,
  )
  await user.type(screen.getByLabelText('Name'), 'Offen')
  await user.click(screen.getByRole('button', { name: 'Ansicht speichern' }))
  const alert = await screen.findByRole('alert')
  expect(alert.textContent).toBe(`${viewWordsDe.views.saveFailed} ${viewWordsDe.appFailure.store}`)
  expect(alert.textContent).not.toContain('database')
  expect(screen.getByLabelText<HTMLInputElement>('Name').value).toBe('Offen')
})

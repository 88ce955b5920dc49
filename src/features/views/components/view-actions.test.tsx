import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, test } from 'vitest'
import { de } from '../../../shared/i18n/de.ts'
import { en } from '../../../shared/i18n/en.ts'
import { I18nProvider } from '../../../lib/i18n/i18n.tsx'
import type { SavedView } from '../api/saved-views.ts'
import { ViewActions } from './view-actions.tsx'

const view = (id: string, scope: SavedView['scope']): SavedView => ({
  id,
  name: `<b>${id}</b>`,
  query: 'tab=open',
  columns: null,
  widths: null,
  density: null,
  scope,
  version: 3,
  updatedBy: { name: 'Sabine' },
  updatedAt: '2026-12-02T05:00:00.000Z',
})

function renderActions(saved: SavedView, t = en) {
  return render(
    <I18nProvider initial={{ locale: t === en ? 'en' : 'de', t }}>
      <QueryClientProvider client={new QueryClient()}>
        <ViewActions view={saved} onNotice={() => undefined} />
      </QueryClientProvider>
    </I18nProvider>,
  )
}

test('a personal view offers every action at once', () => {
  renderActions(view('mine', 'personal'))
  const names = screen.getAllByRole('button').map((button) => button.textContent)
  expect(names).toEqual(['Rename', 'Duplicate', 'Delete', 'History'])
})

test('a team view offers its changes only after Unlock to edit, and Lock again takes them away', async () => {
  const user = userEvent.setup()
  renderActions(view('team-one', 'team'))
  expect(screen.queryByRole('button', { name: 'Rename' })).toBeNull()
  expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull()
  await user.click(screen.getByRole('button', { name: 'Unlock to edit' }))
  expect(screen.getByRole('button', { name: 'Rename' })).toBeTruthy()
  expect(screen.getByRole('button', { name: 'Delete' })).toBeTruthy()
  await user.click(screen.getByRole('button', { name: 'Lock again' }))
  expect(screen.queryByRole('button', { name: 'Rename' })).toBeNull()
})

test('unlocking one team view leaves the others locked', async () => {
  const user = userEvent.setup()
  renderActions(view('team-two', 'team'))
  await user.click(screen.getByRole('button', { name: 'Unlock to edit' }))
  renderActions(view('team-three', 'team'))
  expect(screen.getAllByRole('button', { name: 'Unlock to edit' })).toHaveLength(1)
  expect(screen.getAllByRole('button', { name: 'Rename' })).toHaveLength(1)
})

test('the name is text, in the group’s name too, and German words are German', () => {
  renderActions(view('fremd', 'team'), de)
  const group = screen.getByRole('group', { name: '„<b>fremd</b>“ verwalten' })
  expect(group.querySelector('b')).toBeNull()
  expect(screen.getByRole('button', { name: 'Zum Bearbeiten entsperren' })).toBeTruthy()
  expect(screen.getByRole('button', { name: 'Duplizieren' })).toBeTruthy()
})

test('Esc in the rename field, or Cancel, closes the rename and returns the focus to Rename', async () => {
  const user = userEvent.setup()
  renderActions(view('esc', 'personal'))
  const rename = screen.getByRole('button', { name: 'Rename' })
  await user.click(rename)
  expect(screen.getByLabelText('New name')).toBe(document.activeElement)
  await user.keyboard('{Escape}')
  expect(screen.queryByLabelText('New name')).toBeNull()
  expect(rename).toBe(document.activeElement)
  await user.click(rename)
  await user.click(screen.getByRole('button', { name: 'Cancel' }))
  expect(screen.queryByLabelText('New name')).toBeNull()
  expect(rename).toBe(document.activeElement)
})

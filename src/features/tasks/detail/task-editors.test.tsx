import { screen, waitFor, within } from '@testing-library/react'
import { expect, inject, test } from 'vitest'
import { renderApp } from '../../../test/render-app.tsx'
import { sessionQueries } from '../../views/api/session-queries.ts'
import type { Session } from '../../views/api/session-api.ts'

async function firstTaskId(): Promise<string> {
  const response = await fetch(`${inject('appOrigin')}/api/tasks/?limit=1&taskStatus=open`)
  const [task] = (await response.json()) as { _id: string }[]
  return task!._id
}

test(
  'the panel shows a control for exactly the changes this person may make, and none to a reader',
  { timeout: 30_000 },
  async () => {
    const id = await firstTaskId()
    const app = renderApp(`/tasks/${id}`)
    const panel = await screen.findByRole('dialog', {}, { timeout: 15_000 })
    // In demo mode everything may be changed.
    await within(panel).findByRole('combobox', { name: 'Priority' }, { timeout: 15_000 })
    expect(within(panel).getByRole('combobox', { name: 'Status' })).toBeDefined()
    expect(within(panel).getByRole('combobox', { name: 'Assignee' })).toBeDefined()
    expect(within(panel).getByLabelText('Due')).toBeDefined()
    expect(within(panel).getByRole('button', { name: 'Complete…' })).toBeDefined()

    const session = app.queryClient.getQueryData<Session>(sessionQueries.all())!
    app.queryClient.setQueryData(sessionQueries.all(), { ...session, writes: ['priority'] })
    await waitFor(() => expect(within(panel).queryByRole('combobox', { name: 'Status' })).toBeNull())
    expect(within(panel).getByRole('combobox', { name: 'Priority' })).toBeDefined()
    expect(within(panel).queryByRole('combobox', { name: 'Assignee' })).toBeNull()
    expect(within(panel).queryByLabelText('Due')).toBeNull()
    expect(within(panel).queryByRole('button', { name: 'Complete…' })).toBeNull()

    // A reader: the values, no control and no empty place for the outcome of a change.
    app.queryClient.setQueryData(sessionQueries.all(), { ...session, writes: [] })
    await waitFor(() => expect(within(panel).queryByRole('combobox')).toBeNull())
    expect(within(panel).queryByTestId('change-feedback')).toBeNull()
    expect(within(panel).getByText('Open')).toBeDefined()
  },
)

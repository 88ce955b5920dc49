import { render, screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import { en } from '../../../../shared/i18n/en.ts'
import { I18nProvider } from '../../../../lib/i18n/i18n.tsx'
import { RenderEnvironmentProvider, shownEnvironment } from '../../../../lib/render-environment.tsx'
import type { Task } from '../../../../shared/tasks/api/schemas.ts'
import { DueCell } from './due-cell.tsx'

const NOW = Date.parse('2026-12-02T22:00:00Z')
const TASK = { taskStatus: 'open', dueDate: Date.parse('2026-12-02T23:30:00Z') } as Task

function renderIn(timeZone: string) {
  const environment = shownEnvironment({ now: NOW, timeZone, stored: {}, windowWidth: 'wide', frameHeight: 800 })
  return render(
    <RenderEnvironmentProvider value={environment}>
      <I18nProvider initial={{ locale: 'en', t: en }}>
        <DueCell task={TASK} />
      </I18nProvider>
    </RenderEnvironmentProvider>,
  )
}

test('a due date reads in the render environment’s zone, against its clock', () => {
  // 23:00 and 00:30 in Berlin: due tomorrow there, while in UTC it is due tonight, in an hour and a half.
  const { unmount } = renderIn('Europe/Berlin')
  expect(screen.getByText('tomorrow')).toBeDefined()
  unmount()
  renderIn('UTC')
  expect(screen.getByText('today · 11:30 PM')).toBeDefined()
})

import { afterEach, expect, test } from 'vitest'
import type { RenderedScreen } from '../shared/tasks/api/first-view-handover.ts'
import { formattingSample } from '../lib/format.ts'
import { writeStored } from '../lib/storage.ts'
import { mayTakeOver } from './take-over-first-screen.ts'

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
const screen = (patch: Partial<RenderedScreen> = {}): RenderedScreen => ({
  locale: 'en',
  timeZone: zone,
  now: 0,
  stored: {},
  windowWidth: 'wide',
  frameHeight: 800,
  formatting: formattingSample({ locale: 'en', timeZone: zone }),
  ...patch,
})

afterEach(() => {
  localStorage.clear()
  sessionStorage.clear()
})

test('takes the markup over only when this browser would render the same', () => {
  expect(mayTakeOver(screen(), 'en')).toBe(true)
  expect(mayTakeOver(screen(), 'de')).toBe(false)
  expect(mayTakeOver(screen({ timeZone: zone === 'UTC' ? 'Asia/Tokyo' : 'UTC' }), 'en')).toBe(false)
  // A runtime that writes dates otherwise (another ICU) renders afresh.
  expect(
    mayTakeOver(screen({ formatting: formattingSample({ locale: 'en', timeZone: zone }).replace(/\d/, '9') }), 'en'),
  ).toBe(false)
})

test('the stored preferences must be the ones the server rendered with, item by item', () => {
  writeStored('theme', 'dark')
  expect(mayTakeOver(screen(), 'en')).toBe(false)
  expect(mayTakeOver(screen({ stored: { theme: 'dark' } }), 'en')).toBe(true)
  expect(mayTakeOver(screen({ stored: { theme: 'dark', columns: '{}' } }), 'en')).toBe(false)
  expect(mayTakeOver(screen({ stored: { theme: 'dark', session: 'x' } }), 'en')).toBe(false)
})

test('a tab that came from a saved view renders afresh: its status is not in the cookie', () => {
  writeStored('openedView', '{"id":"v1"}')
  expect(mayTakeOver(screen(), 'en')).toBe(false)
})

import { expect, test } from 'vitest'
import { editShortcut, isShortcut, keyLabel, SHORTCUTS } from './shortcuts.ts'

const press = (key: string, modifiers: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey', boolean>> = {}) => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...modifiers,
})

test.each([
  ['ArrowDown', 'next'],
  ['j', 'next'],
  ['ArrowUp', 'previous'],
  ['k', 'previous'],
  ['/', 'search'],
  ['v', 'views'],
  ['?', 'help'],
  ['s', 'editStatus'],
  ['p', 'editPriority'],
  ['a', 'editAssignee'],
  ['d', 'editDue'],
  ['x', 'select'],
  ['m', 'menu'],
] as const)('%s is the %s shortcut and no other', (key, action) => {
  for (const shortcut of SHORTCUTS) expect(isShortcut(press(key), shortcut.action)).toBe(shortcut.action === action)
})

test('no shortcut fires with a modifier held', () => {
  for (const modifier of ['altKey', 'ctrlKey', 'metaKey'] as const) {
    expect(isShortcut(press('j', { [modifier]: true }), 'next')).toBe(false)
  }
})

test('keys read as keycaps', () => {
  expect(SHORTCUTS.map((shortcut) => shortcut.keys.map(keyLabel))).toEqual([
    ['↓', 'j'],
    ['↑', 'k'],
    ['Enter'],
    ['s'],
    ['p'],
    ['a'],
    ['d'],
    ['x'],
    ['m'],
    ['Esc'],
    ['/'],
    ['v'],
    ['?'],
  ])
})

test('the change a row shortcut starts, and none for other keys or with a modifier', () => {
  expect(['s', 'p', 'a', 'd'].map((key) => editShortcut(press(key)))).toEqual([
    'status',
    'priority',
    'assignee',
    'dueDate',
  ])
  expect(editShortcut(press('j'))).toBeNull()
  // x picks the row for whichever change comes next: it starts none itself.
  expect(editShortcut(press('x'))).toBeNull()
  expect(editShortcut(press('p', { ctrlKey: true }))).toBeNull()
})

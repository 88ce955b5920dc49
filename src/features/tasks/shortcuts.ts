import type { Messages } from '../../shared/i18n/en.ts'
import type { WriteOperation } from '../../shared/tasks/api/task-change.ts'

interface Shortcut {
  /** What the key does; also its description's key in the catalogue. */
  action: Exclude<keyof Messages['keys'], 'title' | 'or'>
  /** `KeyboardEvent.key` values, in the order the dialog lists them. */
  keys: readonly string[]
  /** The change the key starts on the focused row (`any`: it serves every change); listed only where the session may make it. */
  operation?: WriteOperation | 'any'
}

/**
 * Every keyboard shortcut of the board, in the order the shortcuts dialog
 * lists them. The handlers match keys through `isShortcut`, so the dialog
 * cannot drift from what the keys do. Enter follows the focused row's link
 * and Esc closes dialogs and menus natively; they are listed so they are known.
 */
export const SHORTCUTS = [
  { action: 'next', keys: ['ArrowDown', 'j'] },
  { action: 'previous', keys: ['ArrowUp', 'k'] },
  { action: 'open', keys: ['Enter'] },
  { action: 'editStatus', keys: ['s'], operation: 'status' },
  { action: 'editPriority', keys: ['p'], operation: 'priority' },
  { action: 'editAssignee', keys: ['a'], operation: 'assignee' },
  { action: 'editDue', keys: ['d'], operation: 'dueDate' },
  { action: 'select', keys: ['x'], operation: 'any' },
  { action: 'menu', keys: ['m'], operation: 'any' },
  { action: 'close', keys: ['Escape'] },
  { action: 'search', keys: ['/'] },
  { action: 'views', keys: ['v'] },
  { action: 'help', keys: ['?'] },
] as const satisfies readonly Shortcut[]
export type ShortcutAction = (typeof SHORTCUTS)[number]['action']

type KeyInput = Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'>

/** Whether a key press is the shortcut for `action`; never with Ctrl, Alt or Meta held. */
export function isShortcut(event: KeyInput, action: ShortcutAction): boolean {
  if (event.altKey || event.ctrlKey || event.metaKey) return false
  const shortcut = SHORTCUTS.find((entry) => entry.action === action)
  return (shortcut?.keys as readonly string[] | undefined)?.includes(event.key) ?? false
}

const KEY_LABELS: Readonly<Record<string, string>> = { ArrowDown: '↓', ArrowUp: '↑', Escape: 'Esc' }

/** How a key is shown on a keycap. */
export function keyLabel(key: string): string {
  return KEY_LABELS[key] ?? key
}

/** The change a key press starts on the focused row, if it is one of those shortcuts. */
export function editShortcut(event: KeyInput): WriteOperation | null {
  for (const shortcut of SHORTCUTS) {
    if ('operation' in shortcut && shortcut.operation !== 'any' && isShortcut(event, shortcut.action)) {
      return shortcut.operation
    }
  }
  return null
}

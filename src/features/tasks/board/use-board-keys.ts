import { useEffect } from 'react'
import { isTypingTarget } from '../../../lib/is-typing-target.ts'
import { isShortcut } from '../shortcuts.ts'

/**
 * Page-wide keys: `?` lists the shortcuts; `v` opens the saved views; j/↓ with nothing focused enters
 * the table at its first row. Keys typed into fields are left alone.
 */
export function useBoardKeys({
  onHelp,
  onEnterTable,
  onViews,
}: {
  onHelp: () => void
  onEnterTable: () => void
  onViews: () => void
}) {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (isTypingTarget(event.target)) return
      if (isShortcut(event, 'help')) {
        event.preventDefault()
        onHelp()
      } else if (isShortcut(event, 'views')) {
        event.preventDefault()
        onViews()
      } else if (isShortcut(event, 'next') && event.target === document.body) {
        event.preventDefault()
        onEnterTable()
      }
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [onHelp, onEnterTable, onViews])
}

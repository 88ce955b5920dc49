import { useEffect } from 'react'
import { isTypingTarget } from '../../../lib/is-typing-target.ts'

/**
 * Page-wide keys: `?` lists the shortcuts; j/↓ with nothing focused enters
 * the table at its first row. Keys typed into fields are left alone.
 */
export function useBoardKeys({ onHelp, onEnterTable }: { onHelp: () => void; onEnterTable: () => void }) {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return
      if (event.key === '?') {
        event.preventDefault()
        onHelp()
      } else if ((event.key === 'j' || event.key === 'ArrowDown') && event.target === document.body) {
        event.preventDefault()
        onEnterTable()
      }
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [onHelp, onEnterTable])
}

import { useEffect, useRef, useState } from 'react'
import { useI18n } from '../../../../lib/i18n/i18n.tsx'
import { isTypingTarget } from '../../../../lib/is-typing-target.ts'
import { isShortcut } from '../../shortcuts.ts'
import { MAX_QUERY_LENGTH } from '../../../../shared/tasks/url-state/board-filters.ts'

/** Typing pauses this long before the view changes. */
export const SEARCH_PAUSE_MS = 300

export interface SearchBoxProps {
  /** The search text in the URL. */
  value: string
  /** Called after a pause in typing, or at once on Enter. */
  onSearch: (text: string) => void
}

/**
 * The search field keeps exactly what was typed while its pause is pending:
 * only when nothing is pending does a new URL value (Back, a link) replace it.
 * `/` anywhere outside a text field focuses it.
 */
export function SearchBox({ value, onSearch }: SearchBoxProps) {
  const { t } = useI18n()
  const [text, setText] = useState(value)
  const [seenValue, setSeenValue] = useState(value)
  /** Typed text not yet sent to the URL. */
  const [dirty, setDirty] = useState(false)
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null)
  const input = useRef<HTMLInputElement>(null)

  if (value !== seenValue) {
    setSeenValue(value)
    if (!dirty) setText(value)
  }

  useEffect(() => () => clearTimeout(pending.current ?? undefined), [])

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!isShortcut(event, 'search') || isTypingTarget(event.target)) return
      event.preventDefault()
      input.current?.focus()
      input.current?.select()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])

  function commit(next: string) {
    if (pending.current !== null) clearTimeout(pending.current)
    pending.current = null
    setDirty(false)
    if (next.trim() !== value) onSearch(next.trim())
  }

  return (
    <form
      role="search"
      className="search"
      onSubmit={(event) => {
        event.preventDefault()
        commit(text)
      }}
    >
      <label htmlFor="task-search" className="visually-hidden">
        {t.search.label}
      </label>
      <input
        ref={input}
        id="task-search"
        className="search__input"
        type="search"
        placeholder={t.search.placeholder}
        autoComplete="off"
        spellCheck={false}
        maxLength={MAX_QUERY_LENGTH}
        value={text}
        onChange={(event) => {
          const next = event.target.value
          setText(next)
          setDirty(true)
          if (pending.current !== null) clearTimeout(pending.current)
          pending.current = setTimeout(() => commit(next), SEARCH_PAUSE_MS)
        }}
      />
    </form>
  )
}

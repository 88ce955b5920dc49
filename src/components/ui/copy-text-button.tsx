import { useEffect, useState } from 'react'
import { useI18n } from '../../lib/i18n/i18n.tsx'

const CONFIRMATION_MS = 2000

/** Copies text to the clipboard and says so, in the button and to screen readers. */
export function CopyTextButton({ text, label, done }: { text: () => string; label: string; done: string }) {
  const { t } = useI18n()
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')

  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), CONFIRMATION_MS)
    return () => clearTimeout(timer)
  }, [state])

  async function copy() {
    try {
      await navigator.clipboard.writeText(text())
      setState('copied')
    } catch {
      setState('failed')
    }
  }

  return (
    <>
      <button type="button" className="button" onClick={() => void copy()}>
        {state === 'copied' ? done : state === 'failed' ? t.copy.failed : label}
      </button>
      <span className="visually-hidden" role="status">
        {state === 'copied' ? done : state === 'failed' ? t.copy.failed : ''}
      </span>
    </>
  )
}

import { useEffect, useState } from 'react'
import { useLocation } from 'react-router'
import { boardHref } from '../url-state/paths.ts'
import type { BoardState } from '../url-state/board-state.ts'

const CONFIRMATION_MS = 2000

/**
 * Copies an absolute link to this view with every parameter written out,
 * defaults included, so the link keeps its meaning if a default changes.
 * The app's URLs never carry credentials, so neither does the link.
 */
export function CopyLinkButton({ board }: { board: BoardState }) {
  const { search } = useLocation()
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')

  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), CONFIRMATION_MS)
    return () => clearTimeout(timer)
  }, [state])

  async function copy() {
    const href = new URL(boardHref(board, new URLSearchParams(search), { explicit: true }), window.location.origin)
    href.username = ''
    href.password = ''
    try {
      await navigator.clipboard.writeText(href.toString())
      setState('copied')
    } catch {
      setState('failed')
    }
  }

  return (
    <>
      <button type="button" className="button" onClick={() => void copy()}>
        {state === 'copied' ? 'Link copied' : state === 'failed' ? 'Could not copy' : 'Copy link'}
      </button>
      <span className="visually-hidden" role="status">
        {state === 'copied' ? 'Link to this view copied to the clipboard' : ''}
      </span>
    </>
  )
}

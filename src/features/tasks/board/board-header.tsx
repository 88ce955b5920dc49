import type { ReactNode } from 'react'
import { useI18n } from '../../../lib/i18n/i18n.tsx'
import { LazySignOut } from './lazy-sign-out.tsx'

/** The board's title, then its search and actions (`children`), then its settings, on one line. */
export function BoardHeader({
  children,
  settings,
  ready,
}: {
  children?: ReactNode
  settings: ReactNode
  /** The first rows are there: who is signed in may be fetched now. */
  ready: boolean
}) {
  const { t } = useI18n()
  return (
    <header className="board__header">
      <h1>{t.board.title}</h1>
      {children}
      <LazySignOut ready={ready} />
      {settings}
    </header>
  )
}

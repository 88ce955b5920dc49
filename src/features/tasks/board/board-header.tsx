import type { ReactNode } from 'react'
import { useI18n } from '../../../lib/i18n/i18n.tsx'
import { SignOutButton } from '../../views/components/sign-out-button.tsx'

/** The board's title, then its search and actions (`children`), then its settings, on one line. */
export function BoardHeader({ children, settings }: { children?: ReactNode; settings: ReactNode }) {
  const { t } = useI18n()
  return (
    <header className="board__header">
      <h1>{t.board.title}</h1>
      {children}
      <SignOutButton />
      {settings}
    </header>
  )
}

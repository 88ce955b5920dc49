import { LanguageSwitch } from '../../../components/ui/language-switch.tsx'
import { ThemeSwitch } from '../../../components/ui/theme-switch.tsx'
import { useI18n } from '../../../lib/i18n/i18n.tsx'
import { SignOutButton } from '../../views/components/sign-out-button.tsx'

export function BoardHeader() {
  const { t } = useI18n()
  return (
    <header className="board__header">
      <h1>{t.board.title}</h1>
      <div className="board__settings">
        <SignOutButton />
        <LanguageSwitch />
        <ThemeSwitch />
      </div>
    </header>
  )
}

import { useLocation } from 'react-router'
import { useI18n } from '../../../lib/i18n/i18n.tsx'
import type { BoardState } from '../url-state/board-state.ts'
import { boardHref } from '../url-state/paths.ts'
import { CopyTextButton } from '../../../components/ui/copy-text-button.tsx'

/**
 * Copies an absolute link to this view with every parameter written out,
 * defaults included, so the link keeps its meaning if a default changes.
 * The app's URLs never carry credentials, so neither does the link.
 */
export function CopyLinkButton({ board }: { board: BoardState }) {
  const { search } = useLocation()
  const { t } = useI18n()
  return (
    <CopyTextButton
      label={t.copy.link}
      done={t.copy.copied}
      text={() => {
        const href = new URL(boardHref(board, new URLSearchParams(search), { explicit: true }), window.location.origin)
        href.username = ''
        href.password = ''
        return href.toString()
      }}
    />
  )
}

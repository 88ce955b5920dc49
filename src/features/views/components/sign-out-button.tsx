import { useI18n } from '../../../lib/i18n/i18n.tsx'
import { useSession, useSignOut } from '../api/session-queries.ts'

/** Who is signed in with a personal key, and the way out; nothing in the other modes. */
export function SignOutButton() {
  const { t } = useI18n()
  const session = useSession()
  const signOut = useSignOut()
  if (session.data?.mode !== 'personal-key' || !session.data.signedIn) return null
  return (
    <span className="session-user">
      <span className="session-user__name">{session.data.user?.name}</span>
      <button type="button" className="button button--quiet" onClick={() => signOut.mutate()}>
        {t.board.signOut}
      </button>
    </span>
  )
}

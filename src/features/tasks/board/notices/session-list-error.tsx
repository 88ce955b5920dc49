import { isApiError } from '../../../../shared/api-error.ts'
import { useSession } from '../../../views/api/session-queries.ts'
import { SignInForm } from '../../../views/components/sign-in-form.tsx'
import { ErrorNotice } from './error-notice.tsx'

/**
 * A 401 of the task list, read against the session: with personal keys it
 * means no session or an ended one, so the board asks to sign in and keeps
 * its URL; in the other modes it is an error like any other.
 */
export function SessionListError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const session = useSession()
  if (isApiError(error) && error.status === 401 && session.data?.mode !== 'demo' && session.data?.mode !== 'shared-key')
    return <SignInForm expired={session.data?.signedIn === true} />
  return <ErrorNotice error={error} onRetry={onRetry} />
}

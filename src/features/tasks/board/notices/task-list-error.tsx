import { isApiError } from '../../../../lib/api-error.ts'
import { useSession } from '../../../views/api/session-queries.ts'
import { SignInForm } from '../../../views/components/sign-in-form.tsx'
import { ErrorNotice } from './error-notice.tsx'

/**
 * The task list's error in place, with Retry. With personal keys a 401 means
 * no session or an ended one: the board asks to sign in and keeps its URL.
 */
export function TaskListError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const session = useSession()
  if (isApiError(error) && error.status === 401 && session.data?.mode !== 'demo' && session.data?.mode !== 'shared-key')
    return <SignInForm expired={session.data?.signedIn === true} />
  return <ErrorNotice error={error} onRetry={onRetry} />
}

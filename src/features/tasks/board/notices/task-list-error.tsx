import { useState } from 'react'
import { isApiError } from '../../../../shared/api-error.ts'
import { useI18n } from '../../../../lib/i18n/i18n.tsx'
import { useDeferredPart } from '../../../../lib/deferred/deferred-part.ts'
import { sessionListErrorPart } from '../deferred-parts.ts'
import { ErrorNotice } from './error-notice.tsx'

/**
 * The task list's error in place, with Retry. A 401 may mean "sign in" (with
 * personal keys): the session check and the sign-in form are fetched for it,
 * and only for it. Should that fetch fail, the error stays in place with a
 * word on why no form shows, and Retry tries both again.
 */
export function TaskListError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const unauthorized = isApiError(error) && error.status === 401
  if (!unauthorized) return <ErrorNotice error={error} onRetry={onRetry} />
  return <UnauthorizedListError error={error} onRetry={onRetry} />
}

function UnauthorizedListError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useI18n()
  const [attempt, setAttempt] = useState(1)
  const part = useDeferredPart(sessionListErrorPart, String(attempt))
  const SessionListError = part.loaded?.SessionListError
  if (SessionListError) return <SessionListError error={error} onRetry={onRetry} />
  if (!part.error)
    return (
      <p className="notice muted" role="status">
        {t.lazyParts.loading}
      </p>
    )
  return (
    <>
      <ErrorNotice
        error={error}
        onRetry={() => {
          setAttempt(attempt + 1)
          onRetry()
        }}
      />
      <p className="notice__detail">{t.lazyParts.signInFailed}</p>
    </>
  )
}

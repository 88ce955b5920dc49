import { isApiError } from '../../../../lib/api-error.ts'
import { ApiKeyPrompt, useStoredApiKey } from '../api-key-prompt.tsx'
import { ErrorNotice } from './error-notice.tsx'

/** The task list's error in place, with Retry; a 401 asks for an API key instead (and says when one was rejected). */
export function TaskListError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const hasStoredKey = useStoredApiKey()
  if (isApiError(error) && error.status === 401) return <ApiKeyPrompt rejected={hasStoredKey} />
  return <ErrorNotice error={error} onRetry={onRetry} />
}

import { describeError } from './describe-error.ts'

/** An API failure in place, with Retry; whatever was shown before stays. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { title, detail } = describeError(error)
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{title}</p>
      {detail && <p className="notice__detail">{detail}</p>}
      <button type="button" className="button" onClick={onRetry}>
        Retry
      </button>
    </div>
  )
}

import { useI18n } from '../../../../lib/i18n/i18n.tsx'
import { describeError } from '../../../../lib/describe-error.ts'

/** An API failure in place, with Retry; whatever was shown before stays. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n()
  const { title, detail } = describeError(error, t)
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{title}</p>
      {detail && <p className="notice__detail">{detail}</p>}
      <button type="button" className="button" onClick={onRetry}>
        {t.errors.retry}
      </button>
    </div>
  )
}

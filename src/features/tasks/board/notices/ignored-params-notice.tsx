import { displayText } from '../../../../shared/display-text.ts'
import { useI18n } from '../../../../lib/i18n/i18n.tsx'
import type { IgnoredParam } from '../../../../shared/tasks/url-state/board-search.ts'

const MAX_SHOWN_VALUE = 40

/** Says which parts of the link could not be used; the view shown is the rest of it. */
export function IgnoredParamsNotice({ ignored, onDismiss }: { ignored: IgnoredParam[]; onDismiss: () => void }) {
  const { t } = useI18n()
  if (ignored.length === 0) return null
  return (
    <div className="notice notice--warning" role="status" aria-labelledby="ignored-params-title">
      <div className="notice__row">
        <p className="notice__title" id="ignored-params-title">
          {t.ignored.title}
        </p>
        <button type="button" className="button button--quiet" onClick={onDismiss}>
          {t.ignored.dismiss}
        </button>
      </div>
      <ul className="notice__list">
        {ignored.map((entry, index) => (
          <li key={index}>
            <code>{displayText(entry.name)}</code> “{truncate(displayText(entry.value))}”:{' '}
            {t.ignored.reasons[entry.reason]}
          </li>
        ))}
      </ul>
    </div>
  )
}

function truncate(value: string): string {
  return value.length > MAX_SHOWN_VALUE ? `${value.slice(0, MAX_SHOWN_VALUE)}…` : value
}

import type { IgnoredParam } from '../url-state/board-search.ts'

const MAX_SHOWN_VALUE = 40

/** Says which parts of the link could not be used; the view shown is the rest of it. */
export function IgnoredParamsNotice({ ignored, onDismiss }: { ignored: IgnoredParam[]; onDismiss: () => void }) {
  if (ignored.length === 0) return null
  return (
    <div className="notice notice--warning" role="status" aria-labelledby="ignored-params-title">
      <div className="notice__row">
        <p className="notice__title" id="ignored-params-title">
          Some parts of this link could not be used and were left out:
        </p>
        <button type="button" className="button button--quiet" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
      <ul className="notice__list">
        {ignored.map((entry, index) => (
          <li key={index}>
            <code>{entry.name}</code> “{truncate(entry.value)}”: {entry.reason}
          </li>
        ))}
      </ul>
    </div>
  )
}

function truncate(value: string): string {
  return value.length > MAX_SHOWN_VALUE ? `${value.slice(0, MAX_SHOWN_VALUE)}…` : value
}

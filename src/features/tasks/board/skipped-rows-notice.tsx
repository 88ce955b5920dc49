import type { SkippedRows } from '../api/parse-rows.ts'

/** Rows the page could not read: counted for the dispatcher, with the reason one click away for whoever fixes it. */
export function SkippedRowsNotice({ skipped }: { skipped: SkippedRows }) {
  if (skipped.count === 0) return null
  return (
    <div className="notice notice--warning" role="status">
      <p className="notice__title">
        {skipped.count === 1 ? '1 task could not be shown.' : `${skipped.count} tasks could not be shown.`}
      </p>
      {skipped.firstReason && (
        <details className="notice__details">
          <summary>Why?</summary>
          <p>The server sent data the board cannot read. {skipped.firstReason}</p>
        </details>
      )}
    </div>
  )
}

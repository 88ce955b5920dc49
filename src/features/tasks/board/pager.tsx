import { PAGE_SIZES, type PageSize } from '../url-state/board-state.ts'

export interface PagerProps {
  page: number
  size: PageSize
  /** Rows on this page; null while the page is loading. */
  count: number | null
  hasNext: boolean
  /** Only when the server sends one; the live API does not. */
  totalCount: number | null
  onPage: (page: number) => void
  onSize: (size: PageSize) => void
}

export function Pager({ page, size, count, hasNext, totalCount, onPage, onSize }: PagerProps) {
  const first = (page - 1) * size + 1
  const last = (page - 1) * size + (count ?? 0)
  const pages = totalCount !== null ? Math.max(1, Math.ceil(totalCount / size)) : null
  return (
    <nav className="pager" aria-label="Pages">
      <p className="pager__range" aria-live="polite">
        {count === null ? 'Loading…' : count > 0 ? `Rows ${first}–${last}` : 'No rows'}
        {totalCount !== null && ` of ${totalCount}`}
        {pages !== null && ` · page ${page} of ${pages}`}
      </p>
      <label className="pager__size">
        Rows per page{' '}
        <select value={size} onChange={(event) => onSize(Number(event.target.value) as PageSize)}>
          {PAGE_SIZES.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </label>
      <div className="pager__buttons">
        <button type="button" className="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous
        </button>
        <button type="button" className="button" disabled={!hasNext} onClick={() => onPage(page + 1)}>
          Next
        </button>
      </div>
    </nav>
  )
}

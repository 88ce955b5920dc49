import { useI18n } from '../../../lib/i18n/i18n.tsx'
import { PAGE_SIZES, type PageSize } from '../../../shared/tasks/url-state/board-state.ts'

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
  /** The pointer or focus reached Next: a good moment to fetch the next page if it is not there yet. */
  onNextIntent?: () => void
}

export function Pager({ page, size, count, hasNext, totalCount, onPage, onSize, onNextIntent }: PagerProps) {
  const { t } = useI18n()
  const first = (page - 1) * size + 1
  const last = (page - 1) * size + (count ?? 0)
  const pages = totalCount !== null ? Math.max(1, Math.ceil(totalCount / size)) : null
  return (
    <nav className="pager" aria-label={t.pager.label}>
      <p className="pager__range" aria-live="polite">
        {count === null ? t.pager.loading : count > 0 ? t.pager.range(first, last) : t.pager.none}
        {totalCount !== null && t.pager.of(totalCount)}
        {pages !== null && t.pager.pageOf(page, pages)}
      </p>
      <label className="pager__size">
        {t.pager.size}{' '}
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
          {t.pager.previous}
        </button>
        <button
          type="button"
          className="button"
          disabled={!hasNext}
          onClick={() => onPage(page + 1)}
          onPointerEnter={onNextIntent}
          onFocus={onNextIntent}
        >
          {t.pager.next}
        </button>
      </div>
    </nav>
  )
}

/** Which rows of a table with one row height to render, and how much room the rest take. */
export interface RowWindow {
  /** First rendered row index. */
  start: number
  /** One past the last rendered row index (equal to `start` when nothing renders). */
  end: number
  /** Height of the rows above `start`, in px. */
  padTop: number
  /** Height of the rows from `end` on, in px. */
  padBottom: number
}

export interface RowWindowInput {
  count: number
  /** Every row's height in px (the CSS gives all rows of a density one height). */
  rowHeight: number
  /** The frame's `scrollTop`. */
  scrollTop: number
  /** The frame's visible height. */
  frameHeight: number
  /** Where the first row starts inside the frame: the sticky header above it. */
  headerHeight: number
  /** Rows rendered beyond each edge of the frame. */
  overscan: number
}

/**
 * The rows that intersect the frame, plus `overscan` on either side. Pure
 * arithmetic: with one height for every row, no row needs measuring.
 */
export function toRowWindow({
  count,
  rowHeight,
  scrollTop,
  frameHeight,
  headerHeight,
  overscan,
}: RowWindowInput): RowWindow {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, padTop: 0, padBottom: 0 }
  // Rows sit below the header, so a row's top in the frame is `headerHeight + index × rowHeight`.
  const firstVisible = clamp(Math.floor((scrollTop - headerHeight) / rowHeight), 0, count - 1)
  const lastVisible = clamp(
    Math.ceil((scrollTop + frameHeight - headerHeight) / rowHeight) - 1,
    firstVisible,
    count - 1,
  )
  const start = Math.max(0, firstVisible - overscan)
  const end = Math.min(count, lastVisible + 1 + overscan)
  return { start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight }
}

/**
 * The `scrollTop` that brings a row fully into view below the sticky header,
 * scrolling as little as possible; the current one when it already is.
 */
export function scrollTopFor(
  index: number,
  { rowHeight, scrollTop, frameHeight, headerHeight }: Omit<RowWindowInput, 'count' | 'overscan'>,
): number {
  const rowTop = headerHeight + index * rowHeight
  const rowBottom = rowTop + rowHeight
  if (rowTop < scrollTop + headerHeight) return Math.max(0, rowTop - headerHeight)
  if (rowBottom > scrollTop + frameHeight) return rowBottom - frameHeight
  return scrollTop
}

function clamp(value: number, least: number, most: number): number {
  return Math.min(most, Math.max(least, value))
}

import { useRef, type KeyboardEvent, type PointerEvent } from 'react'
import { useI18n } from '../../../lib/i18n/i18n.tsx'
import { clampWidthRem, type TaskColumnMeta } from './column-meta.ts'
import { MAX_WIDTH_REM } from '../../../shared/tasks/column-sizes.ts'
import type { ColumnId } from './columns.tsx'

/** Arrow keys move by half a rem, with Shift by two: fine steps and quick ones, as a slider does. */
const STEP_REM = 0.5
const BIG_STEP_REM = 2

function remInPx(): number {
  return Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16
}

/** The rem a key asks for, or null for a key the handle leaves alone. */
export function keyedWidthRem(key: string, shift: boolean, widthRem: number, meta: TaskColumnMeta): number | null {
  const step = shift ? BIG_STEP_REM : STEP_REM
  if (key === 'ArrowLeft') return clampWidthRem(meta, widthRem - step)
  if (key === 'ArrowRight') return clampWidthRem(meta, widthRem + step)
  if (key === 'Home') return clampWidthRem(meta, 0)
  if (key === 'End') return clampWidthRem(meta, MAX_WIDTH_REM)
  return null
}

/**
 * The edge of a header cell, dragged with a pointer or moved with the arrow
 * keys once focused: a window splitter (ARIA `separator` with a value), so
 * assistive tech announces the width and what the keys do.
 */
export function ColumnResizeHandle({
  column,
  meta,
  widthRem,
  onResize,
}: {
  column: ColumnId
  meta: TaskColumnMeta
  widthRem: number
  onResize: (column: ColumnId, widthRem: number) => void
}) {
  const { t } = useI18n()
  const drag = useRef<{ x: number; rem: number; remPx: number } | null>(null)

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const next = keyedWidthRem(event.key, event.shiftKey, widthRem, meta)
    if (next === null) return
    event.preventDefault()
    // The board's own keys (row navigation) must not also act on it.
    event.stopPropagation()
    if (next !== widthRem) onResize(column, next)
  }
  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    if (event.button !== 0) return
    event.preventDefault()
    event.currentTarget.setPointerCapture(event.pointerId)
    drag.current = { x: event.clientX, rem: widthRem, remPx: remInPx() }
  }
  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    const start = drag.current
    if (!start) return
    const next = clampWidthRem(meta, start.rem + (event.clientX - start.x) / start.remPx)
    if (next !== widthRem) onResize(column, next)
  }
  function onPointerEnd() {
    drag.current = null
  }

  return (
    // A focusable separator is a widget (a window splitter), though jsx-a11y counts the role as static.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={t.layout.resizeColumn(t.columns[column])}
      aria-valuenow={widthRem}
      aria-valuemin={meta.minRem ?? meta.widthRem}
      aria-valuemax={MAX_WIDTH_REM}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      className="column-resize"
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
      // A click on the edge must not reach the header's sort button.
      onClick={(event) => event.stopPropagation()}
    />
  )
}

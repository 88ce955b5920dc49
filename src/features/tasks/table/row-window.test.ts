import fc from 'fast-check'
import { expect, test } from 'vitest'
import { scrollTopFor, toRowWindow, type RowWindowInput } from './row-window.ts'

const base: RowWindowInput = {
  count: 1000,
  rowHeight: 40,
  scrollTop: 0,
  frameHeight: 400,
  headerHeight: 44,
  overscan: 0,
}

test.each([
  // At the top, rows 0–8 show below the 44 px header in a 400 px frame (row 8 ends at 404).
  { input: {}, window: { start: 0, end: 9, padTop: 0, padBottom: 991 * 40 } },
  { input: { overscan: 6 }, window: { start: 0, end: 15, padTop: 0, padBottom: 985 * 40 } },
  // Scrolled by 1,044 px: row 25 starts at 44 + 1,000, the frame's top; row 34 still reaches into it.
  { input: { scrollTop: 1044 }, window: { start: 25, end: 35, padTop: 1000, padBottom: 965 * 40 } },
  { input: { scrollTop: 1044, overscan: 6 }, window: { start: 19, end: 41, padTop: 760, padBottom: 959 * 40 } },
  // At the very bottom the last row is rendered and nothing pads below it.
  {
    input: { scrollTop: 44 + 1000 * 40 - 400, overscan: 6 },
    window: { start: 984, end: 1000, padTop: 984 * 40, padBottom: 0 },
  },
  { input: { count: 3, overscan: 6 }, window: { start: 0, end: 3, padTop: 0, padBottom: 0 } },
  { input: { count: 0 }, window: { start: 0, end: 0, padTop: 0, padBottom: 0 } },
  // A frame not laid out yet still renders the first row.
  { input: { frameHeight: 0 }, window: { start: 0, end: 1, padTop: 0, padBottom: 999 * 40 } },
])('renders rows $window.start–$window.end for $input', ({ input, window }) => {
  expect(toRowWindow({ ...base, ...input })).toEqual(window)
})

test('every row that intersects the frame is rendered, and the padding keeps the full height', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 2000 }),
      fc.integer({ min: 10, max: 120 }),
      fc.integer({ min: 0, max: 100_000 }),
      fc.integer({ min: 0, max: 2000 }),
      fc.integer({ min: 0, max: 10 }),
      (count, rowHeight, scrollTop, frameHeight, overscan) => {
        const input = { count, rowHeight, scrollTop, frameHeight, headerHeight: 44, overscan }
        const { start, end, padTop, padBottom } = toRowWindow(input)
        expect(start).toBeGreaterThanOrEqual(0)
        expect(end).toBeLessThanOrEqual(count)
        expect(end).toBeGreaterThan(start)
        expect(padTop + (end - start) * rowHeight + padBottom).toBe(count * rowHeight)
        for (let index = 0; index < count; index++) {
          const top = 44 + index * rowHeight
          const intersects = top + rowHeight > scrollTop && top < scrollTop + frameHeight
          if (intersects) expect(index >= start && index < end).toBe(true)
        }
      },
    ),
  )
})

const place = { rowHeight: 40, frameHeight: 400, headerHeight: 44 }

test.each([
  // Row 3 (164–204) is in view at the top: no scroll.
  { index: 3, scrollTop: 0, expected: 0 },
  // Row 20 (844–884) is below the frame: scroll so its bottom meets the frame's.
  { index: 20, scrollTop: 0, expected: 484 },
  // Row 2 (124–164) is above the frame: scroll so it sits just below the header.
  { index: 2, scrollTop: 600, expected: 80 },
  // Row 0 from far down: back to the top.
  { index: 0, scrollTop: 5000, expected: 0 },
])('brings row $index into view from scrollTop $scrollTop', ({ index, scrollTop, expected }) => {
  expect(scrollTopFor(index, { ...place, scrollTop })).toBe(expected)
})

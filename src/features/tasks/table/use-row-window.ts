import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import { useRenderEnvironment } from '../../../lib/render-environment.tsx'
import { scrollTopFor, toRowWindow, type RowWindow } from './row-window.ts'

interface FrameView {
  scrollTop: number
  frameHeight: number
}

interface RowWindowOptions {
  count: number
  rowHeight: number
  headerHeight: number
  overscan: number
}

/**
 * The rows of a scrolling frame to render, following its scroll position and
 * size. Re-renders only when the rendered range changes, not on every scroll
 * event. With one height for every row this is arithmetic (`row-window.ts`),
 * so no general-purpose virtualizer is needed.
 */
export function useRowWindow<Frame extends HTMLElement>({
  count,
  rowHeight,
  headerHeight,
  overscan,
}: RowWindowOptions): RowWindow & {
  /** Scrolls as little as needed to bring the row into view below the header. */
  scrollToRow: (index: number) => void
  /** Scrolls back to the first row. */
  scrollToTop: () => void
  /** The index of the first row at least partly below the header. */
  firstRowInView: () => number
  /** For the scrolling frame's `ref`. */
  frame: RefObject<Frame | null>
} {
  const frame = useRef<Frame>(null)
  // Before the frame is measured, assume a window-high one, so the first render already has rows (a render on
  // the server, and React taking it over, assume the height the server rendered for).
  const { frameHeight } = useRenderEnvironment()
  const [view, setView] = useState<FrameView>(() => ({ scrollTop: 0, frameHeight }))
  // The newest sizes, for the scroll listener: subscribing again on every new page would measure the frame again.
  const sizes = useRef({ count, rowHeight, headerHeight, overscan })
  useLayoutEffect(() => {
    sizes.current = { count, rowHeight, headerHeight, overscan }
  }, [count, rowHeight, headerHeight, overscan])
  // The frame as last seen, read by the scroll helpers: asking the frame itself would force a layout.
  const latest = useRef<FrameView>(view)
  const follow = useCallback((next: FrameView) => {
    latest.current = next
    const range = (frameView: FrameView) => toRowWindow({ ...sizes.current, ...frameView })
    setView((current) => {
      const [before, after] = [range(current), range(next)]
      return before.start === after.start && before.end === after.end ? current : next
    })
  }, [])

  useLayoutEffect(() => {
    const element = frame.current
    if (!element) return
    const measure = () => follow({ scrollTop: element.scrollTop, frameHeight: element.clientHeight })
    // A scroll leaves the frame's height as it was: only the offset is read.
    const onScroll = () => follow({ scrollTop: element.scrollTop, frameHeight: latest.current.frameHeight })
    measure()
    element.addEventListener('scroll', onScroll, { passive: true })
    // jsdom has no ResizeObserver; its frames never change size.
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(measure)
    observer?.observe(element)
    return () => {
      element.removeEventListener('scroll', onScroll)
      observer?.disconnect()
    }
  }, [follow])

  const scrollTo = useCallback(
    (scrollTop: number) => {
      const element = frame.current
      if (!element) return
      element.scrollTo({ top: scrollTop })
      // Rendered at once, not a frame later when the scroll event arrives, so the row can take the focus.
      follow({ scrollTop: element.scrollTop, frameHeight: latest.current.frameHeight })
    },
    [follow],
  )
  const scrollToRow = useCallback(
    (index: number) => scrollTo(scrollTopFor(index, { rowHeight, headerHeight, ...latest.current })),
    [scrollTo, rowHeight, headerHeight],
  )
  const scrollToTop = useCallback(() => {
    if (latest.current.scrollTop !== 0) scrollTo(0)
  }, [scrollTo])
  const firstRowInView = useCallback(
    () => Math.min(Math.max(0, count - 1), Math.ceil(latest.current.scrollTop / rowHeight)),
    [count, rowHeight],
  )

  return {
    ...toRowWindow({ count, rowHeight, headerHeight, overscan, ...view }),
    scrollToRow,
    scrollToTop,
    firstRowInView,
    frame,
  }
}

import { useEffect, useState } from 'react'
import { whenIdle } from '../../../lib/when-idle.ts'

/**
 * Rows to render beyond each edge of the frame. A view's first frame (its
 * first load, or a page turn, sort or tab change) renders only the rows in
 * view, and the rows around them once the browser is idle after painting
 * it: the frame after the click holds the rows a dispatcher sees and nothing
 * more (a quarter of the rows, and of the frame's work, are the overscan).
 */
export function useOverscan(viewKey: string, full: number): number {
  const [settled, setSettled] = useState<string | null>(null)
  useEffect(() => (settled === viewKey ? undefined : whenIdle(() => setSettled(viewKey))), [settled, viewKey])
  return settled === viewKey ? full : 0
}

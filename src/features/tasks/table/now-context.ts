import { createContext, use, useEffect, useState } from 'react'
import { currentRenderScope } from '../../../lib/render-scope.ts'

const MINUTE_MS = 60_000

/**
 * The time cells measure "in 3 days" and "overdue" against. One clock for the
 * whole table, ticking once a minute, keeps cells pure (same task, same
 * minute, same output), so memoised rows stay memoised.
 */
export const NowContext = createContext<number>(0)

export function useNow(): number {
  return use(NowContext) || Date.now()
}

/** Starts at the server's clock when the first screen was rendered there, so taking over its markup reads the same times. */
export function useMinuteClock(): number {
  const [now, setNow] = useState(() => currentRenderScope()?.now ?? Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), MINUTE_MS)
    return () => clearInterval(timer)
  }, [])
  return now
}

import { createContext, use, useEffect, useState } from 'react'
import { useRenderEnvironment } from '../../../lib/render-environment.tsx'

const MINUTE_MS = 60_000

/**
 * The time cells measure "in 3 days" and "overdue" against. One clock for the
 * whole table, ticking once a minute, keeps cells pure (same task, same
 * minute, same output), so memoised rows stay memoised.
 */
export const NowContext = createContext<number>(0)

export function useNow(): number {
  const { now } = useRenderEnvironment()
  return use(NowContext) || now()
}

/**
 * Starts at the environment's clock: the server's when the first screen was
 * rendered there, so taking over its markup reads the same times. It moves
 * on with the next tick, not before: the times on screen do not change the
 * moment the board takes over.
 */
export function useMinuteClock(): number {
  const environment = useRenderEnvironment()
  const [now, setNow] = useState(environment.now)
  useEffect(() => {
    const timer = setInterval(() => setNow(environment.now()), MINUTE_MS)
    return () => clearInterval(timer)
  }, [environment])
  return now
}

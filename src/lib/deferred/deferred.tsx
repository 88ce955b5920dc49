import type { ReactNode } from 'react'
import { useDeferredPart, type DeferredPart } from './deferred-part.ts'

/**
 * A part rendered where it is used, fetched when first rendered: `fallback`
 * until it is there. A fetch that fails is thrown to the nearest error
 * boundary, as a part that crashed would be.
 */
export function Deferred<T>({
  part,
  fallback = null,
  children,
}: {
  part: DeferredPart<T>
  fallback?: ReactNode
  children: (module: T) => ReactNode
}) {
  const { loaded, error } = useDeferredPart(part, true)
  if (error) throw error
  return loaded ? children(loaded) : fallback
}

/** Runs `task` once the browser is idle (after the rows it just got are painted); returns a cancel. */
export function whenIdle(task: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(task, { timeout: 2000 })
    return () => window.cancelIdleCallback(id)
  }
  const timer = window.setTimeout(task, 200)
  return () => window.clearTimeout(timer)
}

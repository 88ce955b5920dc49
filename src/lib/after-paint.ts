/** Longest wait for a paint: a hidden tab paints no frames, and work waiting for one must still finish. */
const MAX_WAIT_MS = 100

/** Resolves once the browser has painted the next frame (the task after its animation frame), or after 100 ms. */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, MAX_WAIT_MS)
    if (typeof requestAnimationFrame !== 'function') return
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer)
        resolve()
      }, 0),
    )
  })
}

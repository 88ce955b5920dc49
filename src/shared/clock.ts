/**
 * The browser's clock, for what no render shows: pacing writes, timers,
 * stamps. A render measures against its environment's clock instead
 * (`useRenderEnvironment().now`), which is the server's while the board
 * takes over a first screen rendered there.
 */
export function wallClock(): number {
  return Date.now()
}

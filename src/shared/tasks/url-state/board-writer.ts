import { formatBoardSearch, parseBoardSearch, sameSort, type IgnoredParam } from './board-search.ts'
import { CHANGES_SORT, type BoardState } from './board-state.ts'
import { wallClock } from '../../clock.ts'

export interface UpdateOptions {
  /** Replace the history entry instead of pushing one (typing in search, canonical rewrites). */
  replace?: boolean
}

export type BoardPatch = Partial<BoardState>

/** What the board keeps in its history entry beside the URL. */
export interface BoardHistoryState {
  /** What a link had that could not be used, kept after the canonical URL no longer shows it. */
  ignored: IgnoredParam[]
}

export type Navigate = (search: URLSearchParams, options: { replace: boolean; state: BoardHistoryState | null }) => void

/** The location the router last rendered, and how to move it. */
export interface RenderedLocation {
  /** Changes with every history entry, including a replaced one. */
  key: string
  search: URLSearchParams
  ignored: IgnoredParam[]
  navigate: Navigate
}

/**
 * Any change but paging returns to page 1; a patch that names `page` wins.
 * Changes since a moment come newest change first (`shownSort`): sorting
 * them otherwise shows the whole view again, in that order.
 */
export function applyPatch(board: BoardState, patch: BoardPatch): BoardState {
  const next = { ...board, page: 1, ...patch }
  if (patch.sort && patch.changed === undefined && next.changed !== null && !sameSort(patch.sort, CHANGES_SORT)) {
    next.changed = null
  }
  return next
}

/**
 * The view a patch leads to, as the board reads it back from the URL the
 * writer writes for it: through the codec, so a control can ask for exactly
 * the request its click will make (lists de-duplicated, values it would drop
 * dropped).
 */
export function boardAfterPatch(board: BoardState, patch: BoardPatch): BoardState {
  return parseBoardSearch(formatBoardSearch(applyPatch(board, patch))).board
}

/**
 * Writes board patches to the URL. Browsers throttle the History API, so
 * writes closer together than `minIntervalMs` are merged into one: the
 * patches queue and are applied in order, at write time, to the newest URL
 * (the one last written when the router has not rendered it yet), so none is
 * lost and none is computed from a stale view. The merged write pushes a
 * history entry unless every patch in it asked to replace.
 */
export function createBoardWriter(minIntervalMs: number, now: () => number = wallClock) {
  let rendered: RenderedLocation | null = null
  /** Our last write, until the router renders any newer location. */
  let unrendered: { from: string; search: URLSearchParams } | null = null
  let queue: { patches: BoardPatch[]; replace: boolean } | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let lastWrite = Number.NEGATIVE_INFINITY

  function flush() {
    timer = null
    if (!queue || !rendered) return
    const { patches, replace } = queue
    queue = null
    const base = unrendered?.from === rendered.key ? unrendered.search : rendered.search
    const board = patches.reduce(applyPatch, parseBoardSearch(base).board)
    const next = formatBoardSearch(board, base)
    lastWrite = now()
    unrendered = { from: rendered.key, search: next }
    rendered.navigate(next, { replace, state: rendered.ignored.length > 0 ? { ignored: rendered.ignored } : null })
  }

  return {
    /** The router rendered this location (after our write, Back/Forward or a link). */
    connect: (location: RenderedLocation) => {
      if (location.key !== rendered?.key) unrendered = null
      rendered = location
    },
    update: (patch: BoardPatch, { replace = false }: UpdateOptions = {}) => {
      queue = { patches: [...(queue?.patches ?? []), patch], replace: (queue?.replace ?? true) && replace }
      const wait = lastWrite + minIntervalMs - now()
      if (wait <= 0) flush()
      else timer ??= setTimeout(flush, wait)
    },
    /** Forgets what the link had that could not be used, keeping the URL as it is. */
    dismissIgnored: () => {
      rendered?.navigate(rendered.search, { replace: true, state: null })
    },
    cancel: () => {
      if (timer !== null) clearTimeout(timer)
      timer = null
      queue = null
    },
  }
}
export type BoardWriter = ReturnType<typeof createBoardWriter>

import { useCallback, useMemo, useSyncExternalStore } from 'react'
import { useRenderEnvironment } from '../../../lib/render-environment.tsx'
import { readStored, writeStored } from '../../../lib/storage.ts'
import { clampWidthRem } from './column-meta.ts'
import { COLUMN_META, OPTIONAL_COLUMNS, RESIZABLE_COLUMNS, WIDE_ONLY_COLUMNS, type ColumnId } from './columns.tsx'

/** Columns the column menu can add: the optional ones, and in a narrow window the wide-only ones too. */
export function isChoosableColumn(id: unknown): id is ColumnId {
  return typeof id === 'string' && [...OPTIONAL_COLUMNS, ...WIDE_ONLY_COLUMNS].includes(id as ColumnId)
}

export type Density = 'comfortable' | 'compact'

export interface ColumnPrefs {
  /** Optional (and, for narrow windows, wide-only) columns shown; every other optional column is hidden. */
  shown: ColumnId[]
  density: Density
  /** Widths in rem a person chose by resizing; the others keep their column's default. */
  widths: Partial<Record<ColumnId, number>>
}

const DEFAULT_PREFS: ColumnPrefs = { shown: [], density: 'comfortable', widths: {} }

/** Widths of the resizable columns, each within its bounds; anything else is left out. Never throws. */
export function parseColumnWidths(value: unknown): ColumnPrefs['widths'] {
  if (typeof value !== 'object' || value === null) return {}
  const entries = Object.entries(value).flatMap(([id, rem]): [ColumnId, number][] => {
    const meta = COLUMN_META.get(id)
    const resizable = (RESIZABLE_COLUMNS as readonly string[]).includes(id)
    // Every resizable id is a ColumnId; a stored width beyond the column's bounds is pulled back inside them.
    return meta && resizable && typeof rem === 'number' && Number.isFinite(rem)
      ? [[id as ColumnId, clampWidthRem(meta, rem)]]
      : []
  })
  return Object.fromEntries(entries)
}
const listeners = new Set<() => void>()
let cached: { raw: string | null; prefs: ColumnPrefs } | null = null

/** Reads stored preferences leniently: anything unknown falls back to the default. Never throws. */
export function parseColumnPrefs(raw: string | null): ColumnPrefs {
  if (raw === null) return DEFAULT_PREFS
  try {
    const value = JSON.parse(raw) as Partial<Record<keyof ColumnPrefs, unknown>>
    const shown = Array.isArray(value.shown) ? value.shown.filter(isChoosableColumn) : []
    return {
      shown: [...new Set(shown)],
      density: value.density === 'compact' ? 'compact' : 'comfortable',
      widths: parseColumnWidths(value.widths),
    }
  } catch {
    return DEFAULT_PREFS
  }
}

/** The preferences in force: stored ones, or without storage the last choice made on this page. */
export function readColumnPrefs(): ColumnPrefs {
  return snapshot()
}

/** Stores preferences and tells every board reading them; without storage the choice lasts for this page only. */
export function writeColumnPrefs(next: ColumnPrefs): void {
  const raw = JSON.stringify(next)
  if (!writeStored('columns', raw)) cached = { raw, prefs: next }
  listeners.forEach((listener) => listener())
}

function snapshot(): ColumnPrefs {
  // Without storage, the last choice made on this page.
  const raw = readStored('columns') ?? cached?.raw ?? null
  if (cached?.raw !== raw) cached = { raw, prefs: parseColumnPrefs(raw) }
  return cached.prefs
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/**
 * Column choice, widths and density, kept in this browser (localStorage) and not in
 * the URL: they are how one dispatcher likes to read, not part of the view's state.
 * A saved view may carry a column set, widths and density; opening it writes them here.
 */
export function useColumnPrefs() {
  // A render of what the display cookie said (on the server, and taking that over) reads the cookie's preferences:
  // on the server, the page's own last choice would be another browser's.
  const { stored } = useRenderEnvironment()
  const shown = useMemo(() => (stored ? parseColumnPrefs(stored.columns ?? null) : null), [stored])
  const prefs = useSyncExternalStore(subscribe, snapshot, shown ? () => shown : snapshot)
  const save = useCallback((next: ColumnPrefs) => writeColumnPrefs(next), [])
  // From the stored snapshot, not this render's: a drag saves many times between renders.
  const resize = useCallback(
    (column: ColumnId, widthRem: number) => {
      const current = snapshot()
      save({ ...current, widths: { ...current.widths, [column]: widthRem } })
    },
    [save],
  )
  return { prefs, save, resize }
}

/** TanStack Table's visibility state for these preferences; a narrow window hides the wide-only columns not chosen. */
export function toColumnVisibility(prefs: ColumnPrefs, narrow = false): Record<string, boolean> {
  const hidden = narrow ? [...OPTIONAL_COLUMNS, ...WIDE_ONLY_COLUMNS] : OPTIONAL_COLUMNS
  return Object.fromEntries(hidden.map((id) => [id, prefs.shown.includes(id)]))
}

import { useCallback, useSyncExternalStore } from 'react'
import { readStored, writeStored } from '../../../lib/storage.ts'
import { OPTIONAL_COLUMNS, type ColumnId } from './columns.tsx'

export function isOptionalColumn(id: unknown): id is ColumnId {
  return typeof id === 'string' && (OPTIONAL_COLUMNS as readonly string[]).includes(id)
}

export type Density = 'comfortable' | 'compact'

export interface ColumnPrefs {
  /** Optional columns shown; every other optional column is hidden. */
  shown: ColumnId[]
  density: Density
}

const DEFAULT_PREFS: ColumnPrefs = { shown: [], density: 'comfortable' }
const listeners = new Set<() => void>()
let cached: { raw: string | null; prefs: ColumnPrefs } | null = null

/** Reads stored preferences leniently: anything unknown falls back to the default. Never throws. */
export function parseColumnPrefs(raw: string | null): ColumnPrefs {
  if (raw === null) return DEFAULT_PREFS
  try {
    const value = JSON.parse(raw) as Partial<Record<keyof ColumnPrefs, unknown>>
    const shown = Array.isArray(value.shown) ? value.shown.filter(isOptionalColumn) : []
    return { shown: [...new Set(shown)], density: value.density === 'compact' ? 'compact' : 'comfortable' }
  } catch {
    return DEFAULT_PREFS
  }
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
 * Column choice and density, kept in this browser (localStorage) and not in
 * the URL: they are how one dispatcher likes to read, not part of a view.
 */
export function useColumnPrefs() {
  const prefs = useSyncExternalStore(subscribe, snapshot, () => DEFAULT_PREFS)
  const save = useCallback((next: ColumnPrefs) => {
    const raw = JSON.stringify(next)
    // Without storage the choice lasts for this page only.
    if (!writeStored('columns', raw)) cached = { raw, prefs: next }
    listeners.forEach((listener) => listener())
  }, [])
  return { prefs, save }
}

/** TanStack Table's visibility state for these preferences. */
export function toColumnVisibility(prefs: ColumnPrefs): Record<string, boolean> {
  return Object.fromEntries(OPTIONAL_COLUMNS.map((id) => [id, prefs.shown.includes(id)]))
}

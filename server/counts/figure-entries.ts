/**
 * A figure service's entries, one per upstream key (its hash, the owner)
 * and canonical filter set: made when first asked for, the least recently
 * used forgotten once there are more than `max`. A task that changed for an
 * owner marks its entries: a figure taken before is taken again when asked.
 */
export function createFigureEntries<E extends { expiredAt: number }>(max: number, create: () => E) {
  const entries = new Map<string, E>()
  return {
    /** The id of an owner's figure of a filter set. */
    idOf: (owner: string, filters: URLSearchParams) => `${owner}?${filters.toString()}`,
    entryFor: (id: string): E => {
      let entry = entries.get(id)
      if (entry) entries.delete(id)
      else entry = create()
      // Re-inserted on every use, so the first key is the least recently used.
      entries.set(id, entry)
      if (entries.size > max) entries.delete(entries.keys().next().value!)
      return entry
    },
    expire: (owners: Iterable<string>, at: number): void => {
      const prefixes = [...owners].map((owner) => `${owner}?`)
      if (prefixes.length === 0) return
      for (const [id, entry] of entries) if (prefixes.some((prefix) => id.startsWith(prefix))) entry.expiredAt = at
    },
  }
}

/**
 * A seeded pseudo-random source (mulberry32). The demo data comes only from
 * this, so one seed gives the same tasks, ids and names on every machine and
 * every run — tests and deep links can rely on them.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number
  uint32(): number
  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number
  chance(probability: number): boolean
  pick<T>(items: readonly T[]): T
  /** One value, drawn in proportion to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T
  /** `count` distinct items in random order (all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[]
  hex(length: number): string
}

/** Two hex digits per byte value: ids are made by the hundred thousand at start-up. */
const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'))

export function createRandom(seed: number): Random {
  let state = seed >>> 0

  function uint32(): number {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (t ^ (t >>> 14)) >>> 0
  }

  function next(): number {
    return uint32() / 0x1_0000_0000
  }

  function int(min: number, max: number): number {
    return min + Math.floor(next() * (max - min + 1))
  }

  function pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Cannot pick from an empty list')
    return items[Math.floor(next() * items.length)] as T
  }

  function weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0)
    let remaining = next() * total
    for (const [value, weight] of entries) {
      remaining -= weight
      if (remaining < 0) return value
    }
    const last = entries.at(-1)
    if (!last) throw new Error('Cannot draw from an empty list')
    return last[0]
  }

  function sample<T>(items: readonly T[], count: number): T[] {
    if (count <= 0 || items.length === 0) return []
    if (count === 1) return [pick(items)]
    const pool = [...items]
    const taken: T[] = []
    while (taken.length < count && pool.length > 0) {
      const index = Math.floor(next() * pool.length)
      taken.push(pool.splice(index, 1)[0] as T)
    }
    return taken
  }

  function hex(length: number): string {
    let text = ''
    while (text.length < length) {
      const value = uint32()
      text +=
        HEX_BYTES[value >>> 24]! +
        HEX_BYTES[(value >>> 16) & 0xff]! +
        HEX_BYTES[(value >>> 8) & 0xff]! +
        HEX_BYTES[value & 0xff]!
    }
    return text.length === length ? text : text.slice(0, length)
  }

  return { next, uint32, int, chance: (probability) => next() < probability, pick, weighted, sample, hex }
}

/**
 * A seed for one independent stream, so that, say, asking for more tasks does
 * not change the users' ids: every kind of data draws from its own stream.
 */
export function deriveSeed(seed: number, label: string): number {
  // FNV-1a over the label, mixed with the seed.
  let hash = 0x811c9dc5 ^ (seed >>> 0)
  for (let index = 0; index < label.length; index += 1) {
    hash ^= label.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/**
 * A MongoDB-shaped ObjectId: 24 lowercase hex digits whose first four bytes,
 * as in real ones, read as a creation second (here somewhere in 2021–2024).
 */
export function randomObjectId(random: Random): string {
  const seconds = 0x5ff0_0000 + (random.uint32() % 0x0780_0000)
  return seconds.toString(16) + random.hex(16)
}

import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { SourceMapConsumer } from 'source-map-js'

export interface PackageShare {
  /** A node_modules package, `app:<area>` for src/, or a bucket for code with no source. */
  name: string
  minified: number
  /** Gzip of this package's code on its own: an estimate, as gzip shares context across a whole file. */
  gzip: number
}

export interface ChunkInfo {
  file: string
  initial: boolean
  minified: number
  gzip: number
}

export interface BundleBreakdown {
  chunks: ChunkInfo[]
  initial: { minified: number; gzip: number; packages: PackageShare[] }
  lazy: { minified: number; gzip: number; packages: PackageShare[] }
}

/** Names the owner of one source file of the map. */
export function ownerOf(source: string | null): string {
  if (!source) return '(no source)'
  const path = source.replaceAll('\\', '/')
  const modules = path.lastIndexOf('node_modules/')
  if (modules >= 0) {
    const [first, second] = path.slice(modules + 'node_modules/'.length).split('/')
    return first?.startsWith('@') && second ? `${first}/${second}` : (first ?? '(node_modules)')
  }
  const src = path.lastIndexOf('src/')
  if (src >= 0) {
    const directories = path
      .slice(src + 'src/'.length)
      .split('/')
      .slice(0, -1)
    return directories.length > 0 ? `app:${directories.slice(0, 2).join('/')}` : `app:${path.slice(src + 4)}`
  }
  // Bundler helpers (`\0rolldown/runtime.js`, Vite's preload helper) have no file on disk.
  return `(bundler) ${path.replace(/^\0/, '').replace(/^(\.\.\/)+/, '')}`
}

/**
 * The chunks index.html loads before any code runs: its entry script, its
 * modulepreloads, and whatever those import statically (a chunk Vite did not
 * preload is still fetched before the entry can run).
 */
export function initialChunks(distDir: string): Set<string> {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8')
  const initial = new Set<string>()
  const queue: string[] = []
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\/?assets\/([^"]+\.js)"/g)) {
    queue.push(match[1]!)
  }
  while (queue.length > 0) {
    const file = queue.shift()!
    if (initial.has(file)) continue
    initial.add(file)
    const path = join(distDir, 'assets', file)
    if (!existsSync(path)) continue
    const code = readFileSync(path, 'utf8')
    // `import(` is lazy; only the static `import … from "./x.js"` / `import "./x.js"` / `export … from` forms count.
    for (const match of code.matchAll(/\b(?:import|export)\s*(?:[\w$*{},\s]*?\bfrom\s*)?["']\.\/([^"']+\.js)["']/g)) {
      queue.push(match[1]!)
    }
  }
  return initial
}

/** Minified bytes of every JS file in dist/assets, attributed through its source map. */
export function analyzeBundle(distDir: string): BundleBreakdown {
  const assets = join(distDir, 'assets')
  const initial = initialChunks(distDir)
  const groups = { initial: new Map<string, string[]>(), lazy: new Map<string, string[]>() }
  const chunks: ChunkInfo[] = []
  const whole = { initial: [] as string[], lazy: [] as string[] }

  for (const file of readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .sort()) {
    const code = readFileSync(join(assets, file), 'utf8')
    const kind = initial.has(file) ? 'initial' : 'lazy'
    chunks.push({
      file,
      initial: kind === 'initial',
      minified: Buffer.byteLength(code),
      gzip: gzipSync(code).length,
    })
    whole[kind].push(code)
    const mapPath = join(assets, `${file}.map`)
    const pieces = existsSync(mapPath) ? attribute(code, readFileSync(mapPath, 'utf8')) : [['(no map)', code] as const]
    for (const [owner, text] of pieces) {
      const list = groups[kind].get(owner) ?? []
      list.push(text)
      groups[kind].set(owner, list)
    }
  }

  const summarize = (kind: 'initial' | 'lazy') => {
    const packages = [...groups[kind]].map(([name, texts]) => {
      const text = texts.join('')
      return { name, minified: Buffer.byteLength(text), gzip: text ? gzipSync(text).length : 0 }
    })
    packages.sort((a, b) => b.minified - a.minified)
    const code = whole[kind]
    return {
      minified: code.reduce((sum, text) => sum + Buffer.byteLength(text), 0),
      // Files are served one by one, so their gzip sizes add up rather than compressing together.
      gzip: code.reduce((sum, text) => sum + gzipSync(text).length, 0),
      packages,
    }
  }
  return { chunks, initial: summarize('initial'), lazy: summarize('lazy') }
}

/**
 * Splits generated code into runs that belong to one owner. A mapping covers
 * the code from its column up to the next mapping on that line; code before a
 * line's first mapping, and the newline, go to the owner of the run before it.
 */
function attribute(code: string, rawMap: string): (readonly [string, string])[] {
  const consumer = new SourceMapConsumer(rawMap)
  const lines = code.split('\n')
  const marks: { line: number; column: number; owner: string }[] = []
  const owners = new Map<string | null, string>()
  consumer.eachMapping(
    (mapping) => {
      let owner = owners.get(mapping.source)
      if (owner === undefined) {
        owner = ownerOf(mapping.source)
        owners.set(mapping.source, owner)
      }
      marks.push({ line: mapping.generatedLine - 1, column: mapping.generatedColumn, owner })
    },
    null,
    SourceMapConsumer.GENERATED_ORDER,
  )

  const pieces: (readonly [string, string])[] = []
  let owner = '(unmapped)'
  let mark = 0
  for (const [index, line] of lines.entries()) {
    let column = 0
    while (mark < marks.length && marks[mark]!.line === index) {
      const next = marks[mark]!
      if (next.column > column) pieces.push([owner, line.slice(column, next.column)])
      column = Math.max(column, next.column)
      owner = next.owner
      mark += 1
    }
    const rest = line.slice(column) + (index < lines.length - 1 ? '\n' : '')
    if (rest) pieces.push([owner, rest])
  }
  return pieces
}

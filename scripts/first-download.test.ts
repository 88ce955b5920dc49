import { resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build, type Plugin, type Rollup } from 'vite'
import { beforeAll, describe, expect, test } from 'vitest'

const root = resolve(import.meta.dirname, '..')

/**
 * Gzipped bytes of the scripts index.html loads before the board can show a
 * row: 140,595 bytes when this budget was set, plus 2% (to 140 KiB).
 * A change that needs more says so here, on purpose: raised to 141 KiB when
 * picking rows and the rows' menus (their keys, the picked rows' marking)
 * and the retry of a part whose fetch failed joined the board (143,665
 * bytes then; docs/benchmark.md says what they cost); to 142 KiB when the
 * board learned to show only a view's changes since a moment, a filter the
 * URL codec reads and the first screen renders (144,404 bytes then).
 */
const FIRST_DOWNLOAD_GZIP_BUDGET = 145_408

/**
 * Parts the first rows never need, each fetched when it is first used or once
 * the page is idle (e2e/lazy-parts.spec.ts and e2e/deferred-parts.spec.ts
 * watch them arrive in the browser). Every other module the board imports
 * dynamically is held to the same rule.
 */
const DEFERRED = [
  'src/components/ui/multi-select-popover.tsx',
  'src/features/tasks/table/column-menu-popover.tsx',
  'src/features/tasks/detail/task-detail-panel.tsx',
  'src/features/tasks/board/shortcuts-dialog.tsx',
  'src/features/tasks/board/export/export-dialog.tsx',
  'src/features/tasks/board/notices/session-list-error.tsx',
  'src/features/tasks/workload/workload-page.tsx',
  'src/features/tasks/day-sheet/day-sheet-page.tsx',
  'src/features/tasks/api/figures-api.ts',
  'src/features/views/components/views-menu.tsx',
  'src/features/views/components/view-status.tsx',
  'src/features/views/components/sign-out-button.tsx',
  'src/features/views/components/sign-in-form.tsx',
  'src/features/views/components/short-link-page.tsx',
  'src/features/views/components/view-actions.tsx',
  // Changing views comes with the parts that change them; the board's arrival only reads them.
  'src/features/views/api/view-changes.ts',
  // The words of saved views and sign-in, of the task panel and of the workload come with their parts.
  'src/features/views/words/en.ts',
  'src/features/views/words/de.ts',
  'src/features/tasks/detail/words/en.ts',
  'src/features/tasks/detail/words/de.ts',
  'src/features/tasks/workload/words/en.ts',
  'src/features/tasks/workload/words/de.ts',
  'src/shared/i18n/de.ts',
]

interface FirstDownload {
  /** Modules of the chunks index.html loads or preloads and of every chunk they import statically, relative to the project. */
  modules: Set<string>
  /** Modules of the page's entry (the script index.html runs) and what it imports statically: all that runs before the first paint. */
  entryModules: Set<string>
  /** Chunks that import the page's entry chunk statically: the board importing a module that waits for the board. */
  entryImporters: string[]
  /** The text of index.html's inline stylesheets, and of those the first download's chunks import. */
  styles: string[]
  boardStyles: string[]
  /** The stylesheets index.html links in a way a browser loads them. */
  loadedStyles: string[]
  gzip: number
  /** Every module some other module imports with `import()`. */
  dynamicallyImported: Set<string>
  /** For each module, the modules that import it statically: to name how a module came in. */
  importers: Map<string, string[]>
}

/** The board's code, which the page's entry imports once the first screen is painted. */
const BOARD = 'src/main.tsx'

const relative = (id: string) => (id.startsWith(root) ? id.slice(root.length + 1) : id)

/** Builds the browser's bundle in memory, as `vite build` does, and reads its first download. */
async function buildFirstDownload(): Promise<FirstDownload> {
  const dynamicallyImported = new Set<string>()
  const importers = new Map<string, string[]>()
  const graph: Plugin = {
    name: 'first-download-graph',
    generateBundle() {
      for (const id of this.getModuleIds()) {
        const info = this.getModuleInfo(id)
        if (!info) continue
        for (const next of info.dynamicallyImportedIds) dynamicallyImported.add(relative(next))
        for (const next of info.importedIds)
          importers.set(relative(next), [...(importers.get(relative(next)) ?? []), relative(id)])
      }
    },
  }
  // Vitest runs with NODE_ENV=test, which would bundle React's development build.
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    const output = await build({
      root,
      configFile: resolve(root, 'vite.config.ts'),
      logLevel: 'silent',
      plugins: [graph],
      build: { write: false },
    })
    const files = (Array.isArray(output) ? output : [output]).flatMap((result) =>
      'output' in result ? result.output : [],
    )
    const chunks = files.filter((file): file is Rollup.OutputChunk => file.type === 'chunk')
    const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]))
    // What the browser fetches first: the scripts index.html names or preloads, then whatever those import statically.
    const html = files.find((file) => file.fileName === 'index.html')
    if (html?.type !== 'asset') throw new Error('The build wrote no index.html.')
    const named = (pattern: RegExp) =>
      [...String(html.source).matchAll(pattern)].flatMap((match) => byFile.get(match[1]!) ?? [])
    const withImports = (chunks: Rollup.OutputChunk[]) => {
      const found = new Set<Rollup.OutputChunk>()
      for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
        if (found.has(chunk)) continue
        found.add(chunk)
        chunks.push(...chunk.imports.flatMap((file) => byFile.get(file) ?? []))
      }
      return found
    }
    const script = named(/<script\b[^>]*\bsrc="\/([^"]+\.js)"/g)
    const entry = withImports([...script])
    if (entry.size === 0) throw new Error('index.html names no script of the build.')
    const first = withImports([...entry, ...named(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="\/([^"]+\.js)"/g)])
    const modulesOf = (chunks: Set<Rollup.OutputChunk>) =>
      new Set([...chunks].flatMap((chunk) => chunk.moduleIds.map(relative)))
    return {
      entryImporters: chunks
        .filter((chunk) => chunk.imports.some((file) => script.some((entryChunk) => entryChunk.fileName === file)))
        .map((chunk) => chunk.fileName),
      modules: modulesOf(first),
      entryModules: modulesOf(entry),
      styles: [...String(html.source).matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]!),
      boardStyles: [...first]
        .flatMap((chunk) => [...(chunk.viteMetadata?.importedCss ?? [])])
        .map((file) => String((files.find((asset) => asset.fileName === file) as Rollup.OutputAsset).source)),
      loadedStyles: [...String(html.source).matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)]
        .map((match) => match[0])
        .filter((link) => !/\btype="text\/x-inlined"/.test(link)),
      gzip: [...first].reduce((sum, chunk) => sum + gzipSync(chunk.code).length, 0),
      dynamicallyImported,
      importers,
    }
  } finally {
    process.env.NODE_ENV = nodeEnv
  }
}

/** `a.tsx ← b.tsx ← main.tsx ← index.html`: the shortest chain of static imports that brought a module into the first download. */
function chain(module: string, { modules, importers }: FirstDownload): string {
  const next = new Map<string, string>()
  const queue = [module]
  for (let current = queue.shift(); current; current = queue.shift()) {
    const from = (importers.get(current) ?? []).filter((importer) => modules.has(importer) || importer === 'index.html')
    if (from.length === 0) {
      const links = [current]
      for (let link = current; link !== module;) links.unshift((link = next.get(link)!))
      return links.join(' ← ')
    }
    for (const importer of from) {
      if (next.has(importer) || importer === module) continue
      next.set(importer, current)
      queue.push(importer)
    }
  }
  return module
}

describe('the first download', () => {
  let first: FirstDownload
  beforeAll(async () => {
    first = await buildFirstDownload()
  }, 120_000)

  test('runs a few lines before the first paint, preloads the board, and carries its styles inline', () => {
    // src/main.tsx and everything it imports are evaluated only once the page's entry has seen the first screen painted.
    expect([...first.entryModules].filter((module) => module.startsWith('src/')).sort()).toEqual([
      'src/boot.ts',
      'src/lib/after-paint.ts',
      'src/lib/links-before-running.ts',
    ])
    // The entry waits for the board's import: a board that imported the entry back would wait for ever.
    expect(first.entryImporters).toEqual([])
    expect(first.modules).toContain(BOARD)
    // The first paint waits for no stylesheet request: the page holds the board's styles, and links none to load.
    expect(first.boardStyles.length).toBeGreaterThan(0)
    expect(first.styles).toEqual(first.boardStyles)
    expect(first.loadedStyles).toEqual([])
  })

  test('carries no deferred part', () => {
    // The board itself is imported dynamically by the page's entry, and preloaded with the page.
    const deferred = new Set([...DEFERRED, ...first.dynamicallyImported].filter((module) => module !== BOARD))
    const crossed = [...deferred].filter((module) => first.modules.has(module))
    expect(crossed.map((module) => chain(module, first))).toEqual([])
  })

  test('each declared deferred part is still in the build', () => {
    // A renamed or removed part would pass the test above by not being there at all.
    const bundled = new Set([...first.importers.keys(), ...first.dynamicallyImported])
    expect(DEFERRED.filter((module) => !bundled.has(module))).toEqual([])
  })

  test(`stays under ${FIRST_DOWNLOAD_GZIP_BUDGET} gzipped bytes`, () => {
    console.info(`first download: ${first.gzip} bytes gzipped`)
    expect(first.gzip).toBeLessThanOrEqual(FIRST_DOWNLOAD_GZIP_BUDGET)
  })
})

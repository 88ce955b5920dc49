import react from '@vitejs/plugin-react'
import { resolve } from 'node:path'
import { defineConfig, type BuildEnvironmentOptions, type Plugin, type Rollup } from 'vite'

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react(), preloadBoard()],
  build: isSsrBuild ? serverBuild : browserBuild,
}))

/** The board's code, which the page's entry (`src/boot.ts`) imports once the first screen is painted. */
const BOARD = resolve(import.meta.dirname, 'src/main.tsx')

/**
 * index.html preloads the board's code and what it imports, so it arrives
 * while the first screen is painted instead of being asked for after, and
 * carries its stylesheets inline, so the first paint waits for no request:
 * a stylesheet asked for beside the scripts came after the server's
 * markup about half the time, and the paint waited for it. Each is also
 * named by a link of a type no browser loads, so the board's import
 * (whose preload helper loads the stylesheets it finds no link for) does
 * not load it a second time. The app server allows exactly
 * these inline styles by their hashes (`server/http/security-headers.ts`).
 */
function preloadBoard(): Plugin {
  return {
    name: 'preload-board',
    apply: 'build',
    config(config, { isSsrBuild }) {
      // The board's build only (not the renderer's, nor the benchmark's baseline, which shares this file).
      if (isSsrBuild || resolve(config.root ?? '.') !== import.meta.dirname) return
      // The board's code is an entry of its own: what it imports statically is the first download's one chunk, as
      // when index.html named it, though the page's entry imports it only after the first paint.
      return {
        build: { rolldownOptions: { input: { index: resolve(import.meta.dirname, 'index.html'), board: BOARD } } },
      }
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const chunks = Object.values(bundle ?? {}).filter((file) => file.type === 'chunk')
        const board = chunks.find((chunk) => chunk.facadeModuleId === BOARD)
        if (!board) return []
        const files = new Set<string>()
        const add = (chunk: Rollup.OutputChunk) => {
          if (files.has(chunk.fileName)) return
          files.add(chunk.fileName)
          for (const file of chunk.imports) add(bundle![file] as Rollup.OutputChunk)
        }
        add(board)
        const chunksOfBoard = [...files].map((file) => bundle![file] as Rollup.OutputChunk)
        const styles = chunksOfBoard.flatMap((chunk) => [...(chunk.viteMetadata?.importedCss ?? [])])
        const inline = styles.flatMap((file) => [
          { tag: 'style', children: inlineCss(bundle![file] as Rollup.OutputAsset), injectTo: 'head' as const },
          // A type no browser reads: named for the preload helper, never fetched nor applied.
          {
            tag: 'link',
            attrs: { rel: 'stylesheet', href: `/${file}`, type: 'text/x-inlined' },
            injectTo: 'head' as const,
          },
        ])
        const preloads = [...files]
          .filter((file) => !html.includes(`"/${file}"`))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
            injectTo: 'head' as const,
          }))
        return [...inline, ...preloads]
      },
    },
  }
}

/** A stylesheet's text for a `<style>` element, which the text must not end early. */
function inlineCss(asset: Rollup.OutputAsset): string {
  const css = String(asset.source)
  if (/<\/style/i.test(css)) throw new Error(`${asset.fileName} cannot be inlined: it holds "</style"`)
  return css
}

/**
 * The first screen's renderer for the app server (`vite build --ssr src/app/render-first-screen.tsx`, part of `npm run build`): one module and the chunks of its
 * lazy imports, beside the browser's build; its packages stay in node_modules, where the server finds them.
 */
const serverBuild: BuildEnvironmentOptions = {
  outDir: 'dist-server',
}

const browserBuild: BuildEnvironmentOptions = {
  outDir: 'dist',
  // Every browser the board supports preloads modules itself.
  modulePreload: { polyfill: false },
  // Source maps only on request (BUILD_SOURCE_MAPS=1, as the benchmark does), and then "hidden": written
  // beside the bundle for tools, not referenced from it. The app server never serves them either.
  sourcemap: process.env.BUILD_SOURCE_MAPS === '1' ? 'hidden' : false,
  rolldownOptions: {
    output: {
      // Everything index.html needs in one file: split by how lazy chunks share it, the first download
      // was fifteen files that gzip one by one (about 5 KiB more) and wait on each other's imports.
      codeSplitting: {
        groups: [
          // What the page's entry imports (a few lines, so importing them evaluates nothing of the board), and the
          // board imports too. Not the entry itself: the board would import a module still waiting for the board.
          {
            name: 'boot',
            test: /[\\/]src[\\/]lib[\\/](after-paint|links-before-running)\.ts$|vite[\\/](preload-helper|modulepreload-polyfill)/,
            priority: 1,
          },
          {
            name: 'initial',
            tags: ['$initial'],
            // The page's entry stays out of the board's chunk: importing that would evaluate the board.
            test: (id) => !/[\\/](index\.html|src[\\/]boot\.ts)/.test(id),
          },
        ],
      },
    },
  },
}

import react from '@vitejs/plugin-react'
import { defineConfig, type BuildEnvironmentOptions } from 'vite'

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react()],
  build: isSsrBuild ? serverBuild : browserBuild,
}))

/**
 * The first screen's renderer for the app server (`vite build --ssr src/app/render-first-screen.tsx`, part of `npm run build`): one module and the chunks of its
 * lazy imports, beside the browser's build; its packages stay in node_modules, where the server finds them.
 */
const serverBuild: BuildEnvironmentOptions = {
  outDir: 'dist-server',
}

const browserBuild: BuildEnvironmentOptions = {
  outDir: 'dist',
  // Source maps only on request (BUILD_SOURCE_MAPS=1, as the benchmark does), and then "hidden": written
  // beside the bundle for tools, not referenced from it. The app server never serves them either.
  sourcemap: process.env.BUILD_SOURCE_MAPS === '1' ? 'hidden' : false,
  rolldownOptions: {
    output: {
      // Everything index.html needs in one file: split by how lazy chunks share it, the first download
      // was fifteen files that gzip one by one (about 5 KiB more) and wait on each other's imports.
      codeSplitting: { groups: [{ name: 'initial', tags: ['$initial'] }] },
    },
  },
}

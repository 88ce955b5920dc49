import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [react()],
  build: {
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
  },
})

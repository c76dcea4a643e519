import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { bridgeManifest } from './src/shared/contract/bridge.ts'

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        // The desktop app's main process, and the headless host behind `hookbench serve`.
        input: { index: resolve('src/main/index.ts'), cli: resolve('src/cli/index.ts') },
      },
    },
  },
  preload: {
    // The sandboxed preload imports only types from src/shared: it gets its channel names as data.
    define: { HOOKBENCH_BRIDGE: JSON.stringify(bridgeManifest()) },
    build: {
      rolldownOptions: {
        // Sandboxed preloads cannot be ES modules: emit one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      rolldownOptions: { input: resolve('src/renderer/index.html') },
      // electron-vite leaves every bundle unminified (its preset sets `minify: false`, fine for code
      // read from local disk by Node). The renderer is also served over HTTP by `hookbench serve`
      // and parsed by the browser on every window open, where size is time.
      minify: true,
      // One bundle on purpose (CodeMirror is most of it): the app loads it from local disk or
      // loopback, where a split would only add requests. Warn only well past today's size.
      chunkSizeWarningLimit: 1500,
    },
    plugins: [react()],
  },
})

import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // Started as a worker thread by src/core/node/markdown/markdown-parser.ts, which looks for
          // it beside itself: out/main/markdown-parse-worker.js.
          'markdown-parse-worker': resolve(__dirname, 'src/core/node/markdown/markdown-parse-worker.ts'),
          // Started by src/core/node/export/site-prerender.ts (module-worker.ts finds it beside it).
          'site-render-worker': resolve(__dirname, 'src/core/node/export/site-render-worker.ts'),
          // Started by src/core/node/study-intake.ts (the library's first read of a large workspace).
          'study-intake-worker': resolve(__dirname, 'src/core/node/study-intake-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be one CommonJS file with its dependencies bundled.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      minify: true,
      // One bundle is right for a local app (no network to split for); TipTap + React weigh ~800 kB.
      chunkSizeWarningLimit: 1500,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
    plugins: [react()],
  },
});

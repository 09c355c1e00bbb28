/**
 * Vite serves and builds the browser app: `npm start` (dev server on http://127.0.0.1:5173,
 * host and port set in package.json) and `npm run build` (static files in dist/).
 * Tests are configured separately in vitest.config.ts.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
  },
  worker: {
    format: 'es',
  },
});

/**
 * Vite serves and builds the browser app: `npm start` (dev server on http://127.0.0.1:5173,
 * host and port set in package.json) and `npm run build` (static files in dist/).
 * Tests are configured separately in vitest.config.ts.
 *
 * Offline: vite-plugin-pwa (Workbox) precaches every built file — page, scripts, the model's
 * workers, styles, presets — so after the first visit the app works with no network. The
 * service worker is registered from a separate script file, never inline (the page's CSP
 * forbids inline scripts). Relative base, so dist/ works from any folder or a USB stick.
 */
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
  },
  worker: {
    format: 'es',
  },
  plugins: [
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      manifest: {
        name: 'Yiwu Digital Trade Sandbox · 义乌数字贸易政策沙盘',
        short_name: 'Yiwu Sandbox',
        description: 'Agent-based policy sandbox for digital trade in Yiwu',
        theme_color: '#0b6aa2',
        background_color: '#ffffff',
        display: 'standalone',
        icons: [],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,json,svg,png,woff2}'],
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        navigateFallback: 'index.html',
      },
    }),
  ],
});

/// <reference types="vitest/config" />
// Vite build and Vitest configuration. The build lands in web/dist, which the zhijia server
// serves (/assets/* with a long cache, index.html without); `npm run dev` proxies /api to a
// locally running server (ZHIJIA_API, default http://127.0.0.1:8080). The worker portal's web
// manifest and service worker come from config/portal-pwa.ts.
import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { portalPwa } from './config/portal-pwa.ts'

export default defineConfig({
  base: '/',
  plugins: [vue(), ...portalPwa()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Never inline assets as data: URIs; the CSP allows only 'self' for images.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: {
      '/api': process.env.ZHIJIA_API ?? 'http://127.0.0.1:8080',
      '/healthz': process.env.ZHIJIA_API ?? 'http://127.0.0.1:8080',
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.ts'],
    setupFiles: ['src/testing/setup.ts'],
    restoreMocks: true,
    // Let Vite resolve Element Plus's imports as the browser build does: loaded by Node, its
    // CommonJS async-validator has no default export and every form validation silently
    // "passes". Transforming it is slow on a small machine, hence the generous timeout.
    server: { deps: { inline: ['element-plus'] } },
    testTimeout: 30_000,
  },
})

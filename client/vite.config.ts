/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const apiTarget = process.env.SPOC_API_URL ?? 'http://localhost:5080';

// https://vite.dev/config/
export default defineConfig({
  plugins: [react()],
  // `@/lib/api/api-client` instead of `../../../lib/api/api-client` (same paths in tsconfig.app.json; Vitest reads this file).
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    // In dev mode the SPA runs on Vite and the API on Kestrel; proxy keeps them same-origin.
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/swagger': { target: apiTarget, changeOrigin: true },
      '/health': { target: apiTarget, changeOrigin: true },
      '/hubs': { target: apiTarget, changeOrigin: true, ws: true },
    },
  },
  build: {
    sourcemap: false,
    reportCompressedSize: true,
    rolldownOptions: {
      output: {
        // Named, long-lived vendor chunks: readable size reports and better caching across deploys.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/ },
            { name: 'router', test: /node_modules[\\/](react-router|react-router-dom)[\\/]/ },
            { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/ },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next)[\\/]/ },
            { name: 'forms', test: /node_modules[\\/](zod|react-hook-form|@hookform)[\\/]/ },
            // Loaded on sign-in by lib/live (a dynamic import), never part of the initial JS.
            { name: 'signalr', test: /node_modules[\\/]@microsoft[\\/]signalr[\\/]/ },
          ],
        },
      },
    },
  },
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    reporters: ['default', './src/testing/summary-reporter.ts'],
    css: false,
    restoreMocks: true,
  },
});

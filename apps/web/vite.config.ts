/**
 * The web console's build: `vite build` (npm run build:web) writes dist/web/, which the API serves at /.
 * `npx vite --config apps/web/vite.config.ts` runs a dev server that proxies /api to a running API
 * (ACCORD_API_URL, default http://localhost:3000).
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/api': process.env.ACCORD_API_URL ?? 'http://localhost:3000' },
  },
});

/**
 * Vite builds the React workspace from src/web into dist/web, served by the API server under /app/.
 * `npm run dev:web`-style use (`npx vite`) proxies /api to a server on 127.0.0.1:8080.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const project = path.dirname(fileURLToPath(import.meta.url));
const webRoot = path.join(project, 'src/web');

export default defineConfig({
  root: webRoot,
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: path.join(project, 'dist/web'),
    emptyOutDir: true,
    // Maps are split into their own chunk; the world and US atlases together are a few hundred kB.
    chunkSizeWarningLimit: 800,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});

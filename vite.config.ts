import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { playerPlugins } from './src/ui/build/plugins';

// BASE_PATH lets the site be built for a folder, e.g. BASE_PATH=/~user/mail/ npx vite build.
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  base,
  plugins: [react(), ...playerPlugins(import.meta.dirname, base)],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  // The animation encoder runs in a worker that imports modules (mediabunny is loaded on demand).
  worker: { format: 'es' },
  build: {
    rolldownOptions: {
      // Two pages: the full app, and the small embed for help articles.
      input: { main: resolve(import.meta.dirname, 'index.html'), embed: resolve(import.meta.dirname, 'embed.html') },
    },
  },
  test: {
    // Browser (Playwright) tests live in e2e/ and run under their own runner.
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
  },
});

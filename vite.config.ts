import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { playerPlugins } from './src/ui/build/plugins';

export default defineConfig({
  plugins: [react(), ...playerPlugins(import.meta.dirname)],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    // Browser (Playwright) tests live in e2e/ and run under their own runner.
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
  },
});

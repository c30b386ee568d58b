import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { playerPlugins } from './src/ui/build/plugins.js';
import { VALIDATOR_MODULES } from './src/ui/build/embedWithoutValidator.js';
import { writeServiceWorker } from './src/ui/build/serviceWorker.js';

// BASE_PATH lets the site be built for a folder, e.g. BASE_PATH=/~user/mail/ npx vite build.
const base = process.env.BASE_PATH ?? '/';

/** Test files that use vi.mock: a replaced module must not leak into other files. */
const MOCKING_TESTS = ['test/ui/sandbox/resimulate.test.ts'];

export default defineConfig({
  base,
  plugins: [react(), ...playerPlugins(import.meta.dirname, base)],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  // The animation encoder runs in a worker that imports modules (mediabunny is loaded on demand).
  worker: { format: 'es' },
  // Two pages, built one after the other into the same folder: the full app, and
  // the small embed for help articles, which is built without the scenario
  // validator (src/ui/build/embedWithoutValidator.ts) and so shares no chunks with the app.
  environments: {
    client: { build: { rolldownOptions: { input: { main: resolve(import.meta.dirname, 'index.html') } } } },
    embed: {
      consumer: 'client',
      build: {
        emptyOutDir: false,
        rolldownOptions: {
          input: { embed: resolve(import.meta.dirname, 'embed.html') },
          // The validator gets a chunk of its own, so nothing the first picture needs is put beside it.
          output: { codeSplitting: { groups: [{ name: 'validator', test: VALIDATOR_MODULES, includeDependenciesRecursively: false }] } },
        },
      },
    },
  },
  builder: {
    async buildApp(builder) {
      await builder.build(builder.environments.client);
      await builder.build(builder.environments.embed);
      // Last, once every file is in place: the service worker that precaches them all.
      const sw = await writeServiceWorker(resolve(builder.config.root, builder.environments.client.config.build.outDir));
      for (const w of sw.warnings) builder.config.logger.warn(w);
      builder.config.logger.info(`service worker: ${sw.count} files precached, ${(sw.size / 1024).toFixed(0)} KB`);
    },
  },
  test: {
    environment: 'node',
    // Every core: vitest's default leaves one free (cpus - 1), which on a 2-core
    // machine runs the files one after another; its main process mostly waits.
    maxWorkers: availableParallelism(),
    // npm test runs vitest beside the other checks, so a test that takes one second
    // alone may take several: 5 s (vitest's default) failed tests that simulate the
    // 1,200-mail scenario. Tests that need longer still say so themselves.
    testTimeout: 30_000,
    // The test files share their workers' loaded modules instead of loading the
    // engine again for each file (that loading was a third of vitest's time);
    // a file that replaces a module with vi.mock runs apart, in a fresh one.
    projects: [
      // Browser (Playwright) tests live in e2e/ and run under their own runner.
      { extends: true, test: { name: 'shared', isolate: false, include: ['test/**/*.test.ts', 'test/**/*.test.tsx'], exclude: MOCKING_TESTS } },
      { extends: true, test: { name: 'isolated', include: MOCKING_TESTS } },
    ],
  },
});

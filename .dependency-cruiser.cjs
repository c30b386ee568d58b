// The import rules the code keeps (docs/architecture.md explains each layer).
// `npm run depcheck` fails on any violation; tests are exempt from the layering
// inside src/sim (they may open any module), not from the cycle rule.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'An import circle means two modules own each other: split the shared part out.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'sim-is-pure',
      severity: 'error',
      comment: 'src/sim runs in Node and the browser alike: no UI, texts, CLI, React, d3 or DOM.',
      from: { path: '^src/sim/' },
      to: { path: ['^src/(ui|i18n|cli|claims)/', '(^|/)node_modules/(react|react-dom|d3-[^/]+|i18next|jsdom)/'] },
    },
    {
      name: 'sim-through-its-face',
      severity: 'error',
      comment: 'Code outside src/sim uses the simulation only through src/sim/index.ts, so the engine can change inside. The client profiles (plain data) have a face of their own until index.ts re-exports them.',
      from: { path: '^src/(ui|cli|claims|i18n)/' },
      to: { path: '^src/sim/', pathNot: '^src/sim/(index|profiles/index)\\.ts$' },
    },
    {
      name: 'model-is-plain-data',
      severity: 'error',
      comment: 'The model is plain data and pure helpers: it imports nothing else of the simulation.',
      from: { path: '^src/sim/model/' },
      to: { path: '^src/sim/', pathNot: '^src/sim/model/' },
    },
    {
      name: 'store-knows-no-protocol',
      severity: 'error',
      comment: 'The mail store knows folders and messages, not clients, sessions, frames or the run.',
      from: { path: '^src/sim/store/' },
      to: { path: '^src/sim/', pathNot: '^src/sim/(model|store)/' },
    },
    {
      name: 'server-knows-no-client',
      severity: 'error',
      comment: 'The server answers commands; it does not know which client sent them or how the run records them.',
      from: { path: '^src/sim/server/' },
      to: { path: '^src/sim/(client|device|run|recorder)/' },
    },
    {
      name: 'client-learns-from-replies',
      severity: 'error',
      comment: 'A client knows the server only through the replies it received: no server internals, no store, no run.',
      from: { path: '^src/sim/client/' },
      to: { path: '^src/sim/(server|store|run)/' },
    },
    {
      name: 'run-composes',
      severity: 'error',
      comment: 'run/ composes everything; nothing below it may import it back.',
      from: { path: '^src/sim/', pathNot: '^src/sim/(run/|index\\.ts$)' },
      to: { path: '^src/sim/run/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)(node_modules|dist|\\.tmp)/' },
  },
};

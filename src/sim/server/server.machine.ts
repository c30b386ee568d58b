// The mail server's own conditions, as parallel regions: its storage
// (running, or down after a disk failure until restored from backup) and its
// security (intact, or breached once an intruder got in — which stays true).
import { setup } from 'xstate';

export type ServerEvent = { type: 'disk.fail' } | { type: 'backup.restore' } | { type: 'intruder.enter' };

export const serverMachine = setup({
  types: { events: {} as ServerEvent },
}).createMachine({
  id: 'server',
  type: 'parallel',
  states: {
    storage: {
      initial: 'running',
      states: {
        running: { on: { 'disk.fail': 'down' } },
        down: { on: { 'backup.restore': 'running' } },
      },
    },
    security: {
      initial: 'intact',
      states: {
        intact: { on: { 'intruder.enter': 'breached' } },
        breached: {},
      },
    },
  },
});

export function serverStatusOf(value: unknown): { down: boolean; breached: boolean } {
  const v = value as { storage: string; security: string };
  return { down: v.storage === 'down', breached: v.security === 'breached' };
}

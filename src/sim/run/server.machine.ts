// The mail server's own conditions, as parallel regions: its storage (up;
// down after a disk failure; back up once restored from the backup) and its
// security (intact, or breached once an intruder got in — which stays true).
// The run reads it to decide whether a device can connect and whether mail
// can be delivered or must wait in the MX queue.
import { setup, type SnapshotFrom } from 'xstate';

export type ServerEvent = { type: 'disk.fail' } | { type: 'backup.restore' } | { type: 'intruder.enter' };

export const serverMachine = setup({
  types: { events: {} as ServerEvent },
}).createMachine({
  id: 'server',
  type: 'parallel',
  states: {
    storage: {
      initial: 'up',
      states: {
        up: { on: { 'disk.fail': 'down' } },
        down: { on: { 'backup.restore': 'up' } },
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

export function serverStatusOf(snapshot: SnapshotFrom<typeof serverMachine>): { down: boolean; breached: boolean } {
  return { down: snapshot.matches({ storage: 'down' }), breached: snapshot.matches({ security: 'breached' }) };
}

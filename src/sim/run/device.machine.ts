// A device's two independent conditions, as parallel regions: its network
// link (online/offline) and its disk (healthy/failed). A failed disk takes
// everything local with it until the disk is replaced (and perhaps restored).
// The device's third part, its mail client, is the client runtime (client/).
import { setup, type SnapshotFrom } from 'xstate';
import type { DeviceStatus } from '../model/state';

export type DeviceEvent = { type: 'network.down' } | { type: 'network.up' } | { type: 'disk.fail' } | { type: 'disk.replace' };

export const deviceMachine = setup({
  types: { events: {} as DeviceEvent },
}).createMachine({
  id: 'device',
  type: 'parallel',
  states: {
    network: {
      initial: 'online',
      states: {
        online: { on: { 'network.down': 'offline' } },
        offline: { on: { 'network.up': 'online' } },
      },
    },
    disk: {
      initial: 'healthy',
      states: {
        healthy: { on: { 'disk.fail': 'failed' } },
        failed: { on: { 'disk.replace': 'healthy' } },
      },
    },
  },
});

export function statusOf(snapshot: SnapshotFrom<typeof deviceMachine>): DeviceStatus {
  return { online: snapshot.matches({ network: 'online' }), diskFailed: snapshot.matches({ disk: 'failed' }) };
}

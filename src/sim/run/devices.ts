// What happens to a device as a whole: it goes offline and comes back, its
// disk dies, it is restored from its own backup, and the nightly backup runs.
// (semantics.md "Operations": a device disk failure loses what only the device
// held; POP3 without leave-on-server loses everything local.)
import { backupPlace, devicePlace } from '../model/places';
import { cloneMemory, emptyMemory } from '../client/memory';
import type { Run } from './run';

function placesUnder(run: Run, prefix: string): string[] {
  return [...run.state.places.keys()].filter((p) => p.startsWith(prefix));
}

export function diskFail(run: Run, deviceId: string): void {
  const dev = run.device(deviceId);
  let count = 0;
  for (const place of placesUnder(run, `device/${deviceId}/`)) {
    for (const [key, copy] of [...run.folder(place)]) {
      run.del(place, key);
      run.transfer('lose', copy.mail, place, null, key);
      count++;
    }
  }
  dev.memory = emptyMemory();
  run.sendDeviceEvent(deviceId, { type: 'disk.fail' });
  run.emit(deviceId, `${deviceId} · disk failed`, { key: 'device.diskFailed', params: { device: deviceId, count } });
}

/** A new disk; the device's own backup (if any) is copied back, client memory included. */
export function restoreDevice(run: Run, deviceId: string): void {
  const dev = run.device(deviceId);
  if (run.state.devices.get(deviceId)?.diskFailed) run.sendDeviceEvent(deviceId, { type: 'disk.replace' });
  // Whatever the old disk still held is replaced: anything newer than the backup is gone.
  for (const place of placesUnder(run, `device/${deviceId}/`)) {
    for (const [key, copy] of [...run.folder(place)]) {
      run.del(place, key);
      run.transfer('lose', copy.mail, place, null, key);
    }
  }
  if (!dev.backup) {
    dev.memory = emptyMemory();
    run.emit(deviceId, `${deviceId} · new disk, no backup`, { key: 'device.noBackup', params: { device: deviceId } });
    return;
  }
  let count = 0;
  for (const bplace of placesUnder(run, `backup/${deviceId}/`)) {
    const place = devicePlace(deviceId, bplace.slice(`backup/${deviceId}/`.length));
    for (const [key, copy] of run.folder(bplace)) {
      run.put(place, key, copy);
      run.transfer('restore', copy.mail, bplace, place, key);
      count++;
    }
  }
  dev.memory = cloneMemory(dev.backup.memory);
  run.emit(deviceId, `${deviceId} · restored`, { key: 'device.restored', params: { device: deviceId, count, day: Math.floor(dev.backup.takenAt / 1440) + 1 } });
}

/** The nightly device backup: the backup becomes what the device holds now. */
export function backupDevice(run: Run, deviceId: string): void {
  const dev = run.device(deviceId);
  if (run.state.devices.get(deviceId)?.diskFailed) return;
  mirror(run, `device/${deviceId}/`, (p) => backupPlace(p));
  dev.backup = { takenAt: run.time, memory: cloneMemory(dev.memory) };
  if (run.hasPending()) run.emit(deviceId, `${deviceId} · backup`, { key: 'device.backup', params: { device: deviceId } });
}

/**
 * Bring the backup of every place under `prefix` up to date: only what was put
 * or removed since the last backup is looked at, so a nightly backup of a large
 * mailbox costs what changed that day (used by both backups).
 */
export function mirror(run: Run, prefix: string, targetOf: (source: string) => string): void {
  const touched = run.store.touched;
  for (const [source, keys] of [...touched]) {
    if (!source.startsWith(prefix)) continue;
    const target = targetOf(source);
    const src = run.folder(source);
    for (const key of keys) {
      const copy = src.get(key);
      const had = run.copyAt(target, key);
      if (!copy) {
        if (had) {
          run.del(target, key);
          run.transfer('delete', had.mail, target, null, key);
        }
        continue;
      }
      if (had === copy) continue;
      run.put(target, key, copy);
      if (!had) run.transfer('copy', copy.mail, source, target, key);
      else if (had.flags !== copy.flags) run.transfer('flag', copy.mail, target, target, key, copy.flags);
    }
    touched.delete(source);
  }
}

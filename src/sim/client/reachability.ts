// Whether a device can talk to the server right now. When it cannot, the
// frame says why (offline, a dead disk, a server that is down), so the
// learner sees the attempt instead of silence.
import type { Run } from '../run/run';

export function deviceCanConnect(run: Run, deviceId: string, offlineKey = 'check.offline', params: Record<string, string | number> = {}): boolean {
  const status = run.state.devices.get(deviceId);
  if (status?.diskFailed) {
    run.emit(deviceId, `${deviceId} · disk failed`, { key: 'device.noDisk', params: { device: deviceId, ...params } });
    return false;
  }
  if (!status?.online) {
    run.emit(deviceId, `${deviceId} · offline`, { key: offlineKey, params: { device: deviceId, ...params } });
    return false;
  }
  if (run.state.serverDown) {
    run.emit(deviceId, `${deviceId} · server down`, { key: 'check.serverDown', params: { device: deviceId, ...params } });
    return false;
  }
  return true;
}

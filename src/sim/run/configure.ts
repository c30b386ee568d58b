// device.configure in the world: the device's settings change from now on
// (rule 47). A protocol or profile switch is a new account, as in real
// clients: a POP3 account's downloads stay on the device in that account's own
// folders, an IMAP account's cache goes with it (the mail stays on the
// server), and the new account knows nothing yet (no UIDLs, no cache): it
// fetches at its next check.
import { devicePlace } from '../model/places';
import { configureDevice, type ConfigureStep } from '../scenario/configure';
import { closeIdle } from '../client/imapClient';
import { emptyMemory } from '../client/memory';
import { hostOf } from './host';
import type { Run } from './run';

/**
 * Where an old POP3 account's folders stay on the device: device/<d>/old-pop3/<folder>
 * (a scenario's folder names cannot contain "/", so this never clashes).
 */
export const OLD_POP3_ACCOUNT = 'old-pop3';

const isOldAccountPlace = (place: string, deviceId: string) => place.startsWith(`device/${deviceId}/${OLD_POP3_ACCOUNT}/`);

export function configure(run: Run, step: ConfigureStep): void {
  const dev = run.device(step.device);
  const before = dev.config;
  const { device: after, newAccount, changed } = configureDevice(before, step);
  const host = hostOf(run, step.device);
  // Leaving IDLE: the account goes, or the setting is turned off. Turning it on starts at the next new mail.
  if (before.protocol === 'imap' && (newAccount || !after.imap.idle)) closeIdle(host, 'logout');
  dev.config = after;
  dev.configuredAt = run.time;
  if (!newAccount) {
    run.emit(step.device, `${step.device} · settings`, { key: 'configure.changed', params: { device: step.device, settings: changed.join(', '), count: changed.length } });
    return;
  }
  const prefix = `device/${step.device}/`;
  const places = [...run.state.places.keys()].filter((p) => p.startsWith(prefix) && !isOldAccountPlace(p, step.device));
  let kept = 0;
  let dropped = 0;
  if (before.protocol === 'pop3') {
    // The old POP3 account's folders stay on the device, as that account's local mail.
    for (const place of places) {
      const to = devicePlace(step.device, `${OLD_POP3_ACCOUNT}/${place.slice(prefix.length)}`);
      for (const [key, copy] of [...run.folder(place)]) {
        const { key: target } = run.freeKey(to, copy.mail);
        run.del(place, key);
        run.put(to, target, copy);
        run.transfer('move', copy.mail, place, to, target);
        kept++;
      }
    }
  } else {
    // The IMAP account's cache is removed with the account; mail the user moved into local folders stays.
    for (const [folder, entries] of dev.memory.cache) {
      const place = devicePlace(step.device, folder);
      for (const entry of entries.values()) {
        if (entry.localKey === null) continue;
        const copy = run.copyAt(place, entry.localKey);
        if (!copy) continue;
        run.del(place, entry.localKey);
        run.transfer('delete', copy.mail, place, null, entry.localKey);
        dropped++;
      }
    }
  }
  // The Outbox belongs to the device's sending, not to the account that is removed.
  dev.memory = { ...emptyMemory(), outbox: dev.memory.outbox };
  run.emit(step.device, `${step.device} · new ${after.protocol.toUpperCase()} account`, {
    key: before.protocol === 'pop3' ? 'configure.newAccountFromPop3' : 'configure.newAccountFromImap',
    params: { device: step.device, protocol: after.protocol.toUpperCase(), count: before.protocol === 'pop3' ? kept : dropped },
  });
}

// Which events are offered, and why one is not: the rules a learner meets in the menus.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioText, simulate, type Scenario } from '../../../src/sim';
import { actionsFor, freshMailId, type Moment } from '../../../src/ui/sandbox/availability';

function builtin(id: string): Scenario {
  const r = loadScenarioText(id, readFileSync(`scenarios/${id}.json`, 'utf8'));
  if (!r.ok) throw new Error('bad fixture');
  return r.scenario;
}

function momentAt(s: Scenario, frame: number | 'end', untilNextStep: number | null = null): Moment {
  const t = simulate(s);
  const f = t.frames[frame === 'end' ? t.frames.length - 1 : frame];
  return { scenario: s, state: f.state, untilNextStep };
}

const byId = (m: Moment, target: Parameters<typeof actionsFor>[1]) => new Map(actionsFor(m, target).map((a) => [a.id, a]));

describe('device events', () => {
  const s = builtin('pop3-three-devices');
  const m = momentAt(s, 0);

  it('an online device can go offline but not come online; webmail can do neither', () => {
    const laptop = byId(m, { kind: 'device', device: 'laptop' });
    expect(laptop.get('goOffline')?.disabled).toBeNull();
    expect(laptop.get('goOnline')?.disabled).toBe('alreadyOnline');
    const web = byId(m, { kind: 'device', device: 'webmail' });
    expect(web.get('goOffline')?.disabled).toBe('webmailOffline');
    expect(web.get('diskFail')?.disabled).toBe('webmailNoDisk');
  });

  it('a device without a backup cannot restore one; with a daily backup it can', () => {
    expect(byId(m, { kind: 'device', device: 'laptop' }).get('restoreBackup')?.disabled).toBe('noDeviceBackup');
    const withBackup: Scenario = { ...s, world: { ...s.world, devices: s.world.devices.map((d) => (d.id === 'laptop' ? { ...d, backup: 'daily' as const } : d)) } };
    expect(byId({ ...m, scenario: withBackup }, { kind: 'device', device: 'laptop' }).get('restoreBackup')?.event).toEqual({ do: 'device.restoreBackup', device: 'laptop' });
  });

  it('an offline device can still check, and is told it will fail', () => {
    const offline = { ...m, state: { ...m.state, devices: new Map([...m.state.devices, ['laptop', { online: false, diskFailed: false }]]) } };
    const a = byId(offline, { kind: 'device', device: 'laptop' });
    expect(a.get('check')?.disabled).toBeNull();
    expect(a.get('check')?.hint).toBe('offline');
    expect(a.get('goOnline')?.disabled).toBeNull();
  });

  it('changing a setting from now on opens its form on a device; webmail has no settings of its own', () => {
    const phone = byId(m, { kind: 'device', device: 'phone' }).get('changeSetting')!;
    expect(phone).toMatchObject({ disabled: null, form: 'configure', event: null });
    expect(byId(m, { kind: 'device', device: 'webmail' }).get('changeSetting')?.disabled).toBe('webmailSettings');
  });

  it('a sent mail gets an id no step uses yet', () => {
    const send = byId(m, { kind: 'device', device: 'laptop' }).get('send')!;
    const id = (send.event as { mail: { id: string } }).mail.id;
    expect(id).toBe(freshMailId(s));
    const used = s.steps.flatMap((x) => ('mail' in x && typeof x.mail === 'object' ? [x.mail.id] : []));
    expect(used).not.toContain(id);
  });
});

describe('server events', () => {
  const s = builtin('pop3-three-devices');

  it('a break-in can happen once; the backup restore needs a server backup', () => {
    const m = momentAt(s, 0);
    expect(byId(m, { kind: 'server' }).get('breach')?.disabled).toBeNull();
    const breached = { ...m, state: { ...m.state, breached: true } };
    expect(byId(breached, { kind: 'server' }).get('breach')?.disabled).toBe('alreadyBreached');
    const noBackup: Scenario = { ...s, world: { ...s.world, server: { ...s.world.server, backup: 'none' } } };
    expect(byId({ ...m, scenario: noBackup }, { kind: 'server' }).get('serverRestore')?.disabled).toBe('noServerBackup');
  });

  it('freeing space needs mail on the server', () => {
    expect(byId(momentAt(s, 0), { kind: 'server' }).get('free-anna')?.disabled).toBe('nothingToFree');
    expect(byId(momentAt(s, 1), { kind: 'server' }).get('free-anna')?.disabled).toBeNull();
  });
});

describe('time passing', () => {
  it('with the original’s later steps kept, waiting past the next step is disabled with the minutes left', () => {
    const s = builtin('pop3-three-devices');
    const a = byId({ ...momentAt(s, 0), untilNextStep: 90 }, { kind: 'time' });
    expect(a.get('wait-60')?.disabled).toBeNull();
    expect(a.get('wait-360')?.disabled).toBe('waitPastNextStep');
    expect(a.get('wait-360')?.reasonParams).toEqual({ count: 90 });
    expect(a.get('wait-60')?.afterMinutes).toBe(60);
  });
});

describe('mail events', () => {
  it('a POP3 device’s copy can be read, deleted or moved to its own folders; the server copy needs an IMAP reader', () => {
    const s = builtin('pop3-three-devices');
    const m = momentAt(s, 'end');
    let place = '';
    let mail = '';
    for (const [p, copies] of m.state.places)
      if (p.startsWith('device/laptop/') && copies.size) {
        place = p;
        mail = [...copies.values()][0].mail;
        break;
      }
    expect(place).not.toBe('');
    const a = byId(m, { kind: 'mail', mail, place });
    expect(a.get('delete')?.event).toEqual({ do: 'device.delete', device: 'laptop', mail });
    expect(a.get('open')?.disabled).toBeNull();
    const server = actionsFor(m, { kind: 'mail', mail, place: 'server/anna/INBOX' });
    // Webmail reads anna's mailbox over IMAP: it is the one that can act on the server's copy.
    expect(server.every((x) => x.id.startsWith('webmail-'))).toBe(true);
    expect(server.some((x) => x.id === 'webmail-move-Archive')).toBe(true);
  });

  it('a copy in a backup is out of reach', () => {
    const s = builtin('pop3-three-devices');
    const a = actionsFor(momentAt(s, 0), { kind: 'mail', mail: 'm1', place: 'backup/server' });
    expect(a).toHaveLength(1);
    expect(a[0].disabled).toBe('notReachable');
  });
});

describe('a provider move over days, one step at a time (rules 87–92)', () => {
  it('is offered step by step: the new mailbox first, then the MX switch, the copy again and the contract\'s end; devices can be re-pointed once the mailbox is there', () => {
    const before = builtin('pop3-three-devices');
    const m0 = momentAt(before, 0);
    const server0 = byId(m0, { kind: 'server' });
    expect(server0.get('moveNewMailbox')?.event).toEqual({ do: 'provider.newMailbox', copyMailboxes: true, keepUidls: false });
    expect(server0.get('moveDnsSwitch')?.disabled).toBe('moveNeedsMailbox');
    expect(server0.get('moveContractEnd')?.disabled).toBe('moveNeedsSwitch');
    expect(byId(m0, { kind: 'device', device: 'laptop' }).get('repoint')?.disabled).toBe('moveNeedsMailbox');

    const during = builtin('provider-move-forgot-phone');
    const end = momentAt(during, 'end');
    const server = byId(end, { kind: 'server' });
    expect(server.get('moveNewMailbox')?.disabled).toBe('moveAlreadyOpened');
    expect(server.get('moveDnsSwitch')?.disabled).toBe('moveAlreadySwitched');
    expect(server.get('moveContractEnd')?.disabled).toBe('moveEnded');
    expect(byId(end, { kind: 'device', device: 'phone' }).get('repoint')?.disabled).toBe('alreadyRepointed');
    const opened: Scenario = { ...before, steps: [...before.steps, { at: 'day 9, 09:00', do: 'provider.newMailbox', copyMailboxes: true, keepUidls: false }] };
    expect(byId({ ...m0, scenario: opened }, { kind: 'device', device: 'laptop' }).get('repoint')?.event).toEqual({ do: 'device.repoint', device: 'laptop' });
  });

  it('is not offered in a scenario that moves the provider in one go', () => {
    const m = momentAt(builtin('provider-move-pop3'), 0);
    expect(byId(m, { kind: 'server' }).get('moveNewMailbox')?.disabled).toBe('moveInOneGo');
  });
});

// Each profile resolves to the client's documented settings, says where each
// value came from, and gives way to what a scenario states explicitly.
import { describe, expect, it } from 'vitest';
import { profileById, resolveSettings, type ClientProfile } from '../../../src/sim/profiles';

const profile = (id: string): ClientProfile => {
  const p = profileById(id);
  if (!p) throw new Error(`no profile ${id}`);
  return p;
};

describe('Thunderbird', () => {
  it('POP3: a new account keeps mail on the server, deletes it there after 14 days or at the next check after a local delete', () => {
    const r = resolveSettings(profile('thunderbird'), 'pop3', {});
    expect(r.settings).toEqual({ leaveOnServer: true, deleteAfterDays: 14, deleteOnServerWhen: 'deletedLocally', headersOnly: false, checkEveryMinutes: 10 });
    expect(r.missing).toEqual([]);
    const origin = r.origin.deleteAfterDays;
    expect(origin.from).toBe('profile');
    if (origin.from === 'profile') expect(origin.sources.map((s) => s.quote)).toContain('daysToLeaveMessagesOnServer: 14,');
  });

  it('POP3: the wizard\'s values differ from the raw preference defaults, and the profile records both', () => {
    const tb = profile('thunderbird');
    const raw = (d: (typeof tb.pop3)[keyof typeof tb.pop3]) => (d.status === 'known' ? d.rawPreference?.value : 'unknown');
    expect(raw(tb.pop3.leaveOnServer)).toBe(false);
    expect(raw(tb.pop3.deleteAfterDays)).toBe(null);
    expect(raw(tb.pop3.deleteOnServerWhen)).toBe('never');
    const leave = tb.pop3.leaveOnServer;
    expect(leave.status === 'known' && leave.rawPreference?.source.quote).toBe('pref("mail.server.default.leave_on_server", false);');
  });

  it('IMAP: full offline copy, delete moves to Trash (by MOVE where the server has it), Sent on the server, IDLE', () => {
    const r = resolveSettings(profile('thunderbird'), 'imap', {});
    expect(r.settings).toEqual({ cache: 'full', deleteAction: 'trash', saveSent: true, useMove: true, idle: true, checkEveryMinutes: 10 });
    expect(r.missing).toEqual([]);
    const move = r.origin.useMove;
    expect(move.from === 'profile' && move.sources[0].ref).toMatch(/nsImapProtocol\.cpp/);
  });
});

describe('iOS Mail', () => {
  it('POP3 keeps mail on the server and never deletes it there (Apple HT1668)', () => {
    const r = resolveSettings(profile('ios-mail'), 'pop3', {});
    expect(r.settings).toMatchObject({ leaveOnServer: true, deleteAfterDays: null, deleteOnServerWhen: 'never' });
    const origin = r.origin.leaveOnServer;
    expect(origin.from === 'profile' && origin.sources[0].ref).toBe('http://support.apple.com/kb/HT1668');
    expect(r.missing).toEqual(['headersOnly', 'checkEveryMinutes']);
  });

  it('IMAP does not use IDLE, and the value says it is not Apple\'s own statement', () => {
    const r = resolveSettings(profile('ios-mail'), 'imap', {});
    expect(r.settings.idle).toBe(false);
    const origin = r.origin.idle;
    expect(origin.from === 'profile' && origin.caveat?.en).toMatch(/Not documented by Apple/);
  });
});

describe('Thunderbird for Android', () => {
  it('POP3 never deletes on the server; checks every hour', () => {
    expect(resolveSettings(profile('thunderbird-android'), 'pop3', {}).settings).toEqual({
      leaveOnServer: true,
      deleteAfterDays: null,
      deleteOnServerWhen: 'never',
      checkEveryMinutes: 60,
    });
  });

  it('IMAP moves deletions to Trash, uploads Sent and does not push', () => {
    expect(resolveSettings(profile('thunderbird-android'), 'imap', {}).settings).toEqual({
      cache: 'full',
      deleteAction: 'trash',
      saveSent: true,
      idle: false,
      checkEveryMinutes: 60,
    });
  });
});

describe('Outlook classic', () => {
  it('POP3: no default is claimed; every setting is missing with a reason', () => {
    const r = resolveSettings(profile('outlook-classic'), 'pop3', {});
    expect(r.settings).toEqual({});
    expect(r.missing).toEqual(['leaveOnServer', 'deleteAfterDays', 'deleteOnServerWhen', 'headersOnly', 'checkEveryMinutes']);
    const o = r.origin.leaveOnServer;
    expect(o.from === 'unknown' && o.reason.en).toMatch(/unconfirmed/);
  });
});

describe('settings a scenario states explicitly', () => {
  it('override the profile, and are recorded as the scenario\'s', () => {
    const r = resolveSettings(profile('thunderbird'), 'pop3', { leaveOnServer: false, deleteAfterDays: null });
    expect(r.settings.leaveOnServer).toBe(false);
    // null is a value ("keep for ever"), not a gap: the profile's 14 must not leak through.
    expect(r.settings.deleteAfterDays).toBe(null);
    expect(r.origin.leaveOnServer).toEqual({ from: 'scenario' });
    expect(r.origin.deleteAfterDays).toEqual({ from: 'scenario' });
    expect(r.origin.deleteOnServerWhen.from).toBe('profile');
  });

  it('fill what a profile cannot source, so the device becomes complete', () => {
    const r = resolveSettings(profile('outlook-classic'), 'pop3', {
      leaveOnServer: true,
      deleteAfterDays: 14,
      deleteOnServerWhen: 'deletedFromTrash',
      headersOnly: false,
      checkEveryMinutes: 30,
    });
    expect(r.missing).toEqual([]);
    expect(Object.values(r.origin).every((o) => o.from === 'scenario')).toBe(true);
  });

  it('without a profile, only the scenario\'s settings exist', () => {
    const r = resolveSettings(null, 'imap', { cache: 'headers' });
    expect(r.settings).toEqual({ cache: 'headers' });
    expect(r.missing).toEqual(['deleteAction', 'saveSent', 'useMove', 'idle', 'checkEveryMinutes']);
    expect(r.origin.idle).toEqual({ from: 'none' });
  });
});

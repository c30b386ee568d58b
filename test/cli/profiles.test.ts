// npm run sim -- --profiles: every client with its defaults and their sources,
// and what could not be established, in the language asked for.
import { describe, expect, it } from 'vitest';
import { runCli as cli } from './runCli';

describe('npm run sim -- --profiles', { timeout: 60_000 }, () => {
  it('lists each client with its defaults, the quoted source and the raw preference where the wizard differs', async () => {
    const r = await cli(['--profiles']);
    expect(r.status).toBe(0);
    for (const id of ['thunderbird', 'outlook-classic', 'apple-mail-macos', 'ios-mail', 'thunderbird-android']) expect(r.stdout).toContain(`(profile: "${id}")`);
    expect(r.stdout).toMatch(/^ {2}pop3\.deleteAfterDays = 14$/m);
    expect(r.stdout).toContain('AccountConfig.sys.mjs @ 00e3320bc7397b8305842dc541d1ceb864300e0b');
    expect(r.stdout).toContain('"daysToLeaveMessagesOnServer: 14,"');
    expect(r.stdout).toMatch(/raw preference default: no — .*mailnews\.js/);
    expect(r.stdout).toContain('http://support.apple.com/kb/HT1668');
    expect(r.stdout).toMatch(/\d+ of \d+ defaults established\./);
  });

  it('says plainly what is not established, with the reason', async () => {
    const r = await cli(['--profiles']);
    const outlook = r.stdout.slice(r.stdout.indexOf('(profile: "outlook-classic")'), r.stdout.indexOf('(profile: "apple-mail-macos")'));
    expect(outlook).toMatch(/^ {2}pop3\.leaveOnServer = not established$/m);
    expect(outlook).toMatch(/why: No source found: .*unconfirmed here/);
    expect(outlook).not.toMatch(/pop3\.leaveOnServer = (yes|no)$/m);
  });

  it('speaks German with --lang de', async () => {
    const r = await cli(['--profiles', '--lang', 'de']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Client-Profile: die Einstellungen eines neu eingerichteten Kontos');
    expect(r.stdout).toMatch(/^ {2}pop3\.leaveOnServer = nicht belegt$/m);
    expect(r.stdout).toMatch(/\d+ von \d+ Standards belegt\./);
  });

  it('--json gives the profiles as data', async () => {
    const r = await cli(['--profiles', '--json']);
    expect(r.status).toBe(0);
    const profiles = JSON.parse(r.stdout) as Array<{ id: string; pop3: Record<string, { status: string; value?: unknown }> }>;
    expect(profiles.map((p) => p.id)).toEqual(['thunderbird', 'outlook-classic', 'apple-mail-macos', 'ios-mail', 'thunderbird-android']);
    expect(profiles[0].pop3.leaveOnServer).toMatchObject({ status: 'known', value: true });
    expect(profiles[1].pop3.leaveOnServer.status).toBe('unknown');
  });
});

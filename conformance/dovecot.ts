// The harness's handle on private Dovecot instances started by scripts/dovecot.sh.
// Instance g (g = 1, 2, ...) serves server generation g of a scenario: a
// provider move replays against a second, fresh server.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCRIPT = path.join(ROOT, 'scripts', 'dovecot.sh');

/** Dovecot cannot be had here (not installed, and not root or not Debian). */
export class DovecotMissing extends Error {}

export interface Ports {
  readonly imap: number;
  readonly pop3: number;
  readonly lmtp: number;
}

export interface UserSpec {
  readonly login: string;
  readonly password: string;
  readonly quota?: { readonly storageKB?: number; readonly messages?: number };
  readonly gracePercent: number;
  readonly tempfail: boolean;
  readonly pop3Lock: boolean;
}

export const MAIL_HOSTNAME = 'mail.example.org';

function portBase(): number {
  const base = Number(process.env.CONFORMANCE_PORT_BASE ?? 21000);
  if (!Number.isInteger(base) || base < 1024 || base > 60000) throw new Error(`CONFORMANCE_PORT_BASE must be an integer 1024-60000, not ${process.env.CONFORMANCE_PORT_BASE}`);
  return base;
}

export class Dovecot {
  readonly dir: string;
  readonly ports: Ports;
  private running = false;
  pid: number | null = null;

  constructor(readonly generation: number) {
    this.dir = path.join(ROOT, '.tmp', `dovecot-${generation}`);
    const base = portBase() + (generation - 1) * 1000;
    this.ports = { imap: base + 143, pop3: base + 110, lmtp: base + 24 };
  }

  private script(action: string): { status: number; out: string; err: string } {
    const r = spawnSync('bash', [SCRIPT, action, this.dir], {
      env: {
        ...process.env,
        IMAP_PORT: String(this.ports.imap),
        POP3_PORT: String(this.ports.pop3),
        LMTP_PORT: String(this.ports.lmtp),
        MAIL_HOSTNAME,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      timeout: 240_000,
    });
    return { status: r.status ?? 1, out: r.stdout ?? '', err: r.stderr ?? '' };
  }

  /** Install if missing, start, wait for the ports. */
  start(): string {
    const r = this.script('start');
    if (r.status === 3) throw new DovecotMissing(r.err.trim());
    if (r.status !== 0) throw new Error(`scripts/dovecot.sh start failed (exit ${r.status}):\n${r.err}${r.out}`);
    this.running = true;
    const m = /pid (\d+)/.exec(r.out);
    this.pid = m ? Number(m[1]) : null;
    return r.out.trim();
  }

  stop(): void {
    if (!this.running && !existsSync(path.join(this.dir, 'run', 'master.pid'))) return;
    const r = this.script('stop');
    if (r.status !== 0) throw new Error(`scripts/dovecot.sh stop failed (exit ${r.status}):\n${r.err}`);
    this.running = false;
  }

  /**
   * A fresh server for one run: users written with homes in a new directory,
   * so nothing of an earlier run (not even a process still closing) can be
   * seen. Dovecot re-reads the users file when its mtime or size changes; the
   * mtime is set forward explicitly so two writes in one second still count.
   */
  reset(users: readonly UserSpec[], addresses: ReadonlyMap<string, string>): void {
    const mail = path.join(this.dir, 'mail');
    for (const entry of readdirSync(mail)) if (entry.startsWith('run-')) rmSync(path.join(mail, entry), { recursive: true, force: true });
    this.runNumber++;
    const home = (login: string) => path.join(mail, `run-${this.runNumber}`, login);
    const lines: string[] = [];
    for (const u of users) {
      lines.push(passwdLine(u.login, u, home(u.login)));
      const address = addresses.get(u.login)?.toLowerCase();
      if (address && address !== u.login) lines.push(passwdLine(address, u, home(u.login)));
    }
    const file = path.join(this.dir, 'users.passwd');
    writeFileSync(file, lines.join(''));
    const stamp = Math.max(Math.floor(Date.now() / 1000), this.lastStamp + 1);
    this.lastStamp = stamp;
    utimesSync(file, stamp, stamp);
    try {
      // auth reads it as the dovecot user (the script made the file root:dovecot 0640)
      chmodSync(file, 0o640);
      const gid = groupId('dovecot');
      if (gid !== null) chownSync(file, 0, gid);
    } catch {
      /* not root: the script already refused to start */
    }
  }

  private runNumber = 0;
  private lastStamp = 0;
}

function passwdLine(name: string, u: UserSpec, home: string): string {
  if (!/^[A-Za-z0-9.@_-]+$/.test(name) || !/^[A-Za-z0-9]+$/.test(u.password)) throw new Error(`unusable user name or password for ${name}`);
  const extra: string[] = [];
  const rule: string[] = [];
  if (u.quota?.storageKB) rule.push(`storage=${u.quota.storageKB}K`);
  if (u.quota?.messages) rule.push(`messages=${u.quota.messages}`);
  if (rule.length) extra.push(`userdb_quota_rule=*:${rule.join(':')}`);
  // '%' is Dovecot's variable character in userdb fields: a literal percent is %%.
  extra.push(`userdb_quota_grace=${u.gracePercent}%%`);
  if (u.tempfail) extra.push('userdb_quota_full_tempfail=yes');
  if (u.pop3Lock) extra.push('userdb_pop3_lock_session=yes');
  // name:password:uid:gid:gecos:home:shell:extra fields
  return [name, `{PLAIN}${u.password}`, '', '', '', home, '', extra.join(' ')].join(':') + '\n';
}

function groupId(name: string): number | null {
  const r = spawnSync('getent', ['group', name], { encoding: 'utf8' });
  const m = /^[^:]*:[^:]*:(\d+):/.exec(r.stdout ?? '');
  return m ? Number(m[1]) : null;
}

// The harness's handle on private Dovecot instances started by scripts/dovecot.sh.
// Each replay worker has an instance per server generation of a scenario: a
// provider move replays against a second, fresh server.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, chmodSync, chownSync, constants, copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statfsSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import net from 'node:net';
import { ImapClient } from './wire';
import os from 'node:os';
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
  /** Implicit TLS (993/995 in production); used when TLS is required. */
  readonly imaps: number;
  readonly pop3s: number;
}

/**
 * How the private Dovecot treats TLS. 'off' is a test bench (ssl = no, plaintext
 * logins allowed); 'required' is production (ssl = required, plaintext login only
 * after STARTTLS/STLS, implicit TLS on the imaps/pop3s ports).
 */
export type TlsMode = 'off' | 'required';

/** The run's certificate (made per run by scripts/dovecot.sh cert). */
export interface Certificate {
  readonly cert: string;
  readonly key: string;
  /** The PEM text a client trusts. */
  readonly pem: string;
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

/** Free TCP ports on 127.0.0.1 (or fixed ones from CONFORMANCE_PORT_BASE). */
export async function choosePorts(generation: number): Promise<Ports> {
  const fixed = process.env.CONFORMANCE_PORT_BASE;
  if (fixed) {
    const base = Number(fixed) + (generation - 1) * 1000;
    if (!Number.isInteger(base) || base < 1024 || base > 64000) throw new Error(`CONFORMANCE_PORT_BASE must be an integer 1024-63000, not ${fixed}`);
    return { imap: base + 143, pop3: base + 110, lmtp: base + 24, imaps: base + 993, pop3s: base + 995 };
  }
  const [imap, pop3, lmtp, imaps, pop3s] = await freePorts(5);
  return { imap, pop3, lmtp, imaps, pop3s };
}

/** Ports this run has handed out already (never twice). */
const handedOut = new Set<number>();
const PORT_LOW = 20_000;
const PORT_HIGH = 32_767;

/** Whether a TCP port on 127.0.0.1 can be bound right now. */
function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/**
 * n free TCP ports on 127.0.0.1, below the kernel's ephemeral range (Linux:
 * 32768-60999). A port asked of the kernel (listen on 0) comes from that range,
 * and between choosing it and a server binding it the kernel may hand it to one
 * of the replay's own outgoing connections, which run by the thousand: the
 * server then fails to start. Ports below the range are never handed out that
 * way; each is checked free, and never given twice in one run.
 */
export async function freePorts(n: number): Promise<number[]> {
  const out: number[] = [];
  for (let tries = 0; out.length < n; tries++) {
    if (tries > 2000) throw new Error(`no ${n} free TCP ports on 127.0.0.1 between ${PORT_LOW} and ${PORT_HIGH}`);
    const port = PORT_LOW + Math.floor(Math.random() * (PORT_HIGH - PORT_LOW + 1));
    if (handedOut.has(port) || !(await canBind(port))) continue;
    handedOut.add(port);
    out.push(port);
  }
  return out;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Bases that may hold runs' directories, the first usable one taken (see RUNS_BASE). */
const BASE_CANDIDATES = ['/dev/shm', existsSync('/tmp') ? '/tmp' : os.tmpdir()];
const TMPFS_MAGIC = 0x01021994;

/**
 * Where runs keep their servers' directories. Short, whatever the checkout's
 * path: Dovecot's and Postfix's unix sockets live there, and a socket path may
 * not exceed 108 bytes (a deep checkout failed with `File name too long`).
 * In memory (the tmpfs on /dev/shm) where the machine has one with room, else
 * /tmp: the servers create and delete thousands of small files a run (a
 * delivery is a new file, every run's mailboxes are new), and on this
 * machine's ext4 creating a file cost more than anything else Dovecot's LMTP
 * did (a profile: 15 % of its time in ext4's search for a free inode). Where
 * the files live changes no reply.
 */
export const RUNS_BASE = BASE_CANDIDATES.find((base, i) => i === BASE_CANDIDATES.length - 1 || roomyTmpfs(base))!;

/** A writable tmpfs with at least 2 GiB free (a run's servers hold a few hundred MB at most). */
function roomyTmpfs(dir: string): boolean {
  try {
    const fs = statfsSync(dir);
    accessSync(dir, constants.W_OK);
    return fs.type === TMPFS_MAGIC && fs.bavail * fs.bsize >= 2 * 1024 ** 3;
  } catch {
    return false;
  }
}
const RUN_PREFIX = 'mss-conformance-';

/**
 * A directory of its own for this run (several runs may share a machine),
 * after stopping and removing what runs that died left behind.
 */
export function runDirectory(): string {
  for (const base of new Set(BASE_CANDIDATES.filter((b) => existsSync(b)))) {
    for (const entry of readdirSync(base)) {
      const m = new RegExp(`^${RUN_PREFIX}(\\d+)$`).exec(entry);
      if (!m || alive(Number(m[1]))) continue;
      const dir = path.join(base, entry);
      for (const sub of readdirSync(dir)) {
        if (existsSync(path.join(dir, sub, 'run', 'master.pid'))) spawnSync('bash', [SCRIPT, 'stop', path.join(dir, sub)], { stdio: 'ignore' });
        if (existsSync(path.join(dir, sub, 'queue', 'pid', 'master.pid'))) spawnSync('bash', [path.join(ROOT, 'scripts', 'postfix.sh'), 'stop', path.join(dir, sub)], { stdio: 'ignore' });
      }
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const dir = path.join(RUNS_BASE, `${RUN_PREFIX}${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  chmodSync(dir, 0o755);
  return dir;
}

/** A self-signed certificate for MAIL_HOSTNAME, made for this run. */
export function makeCertificate(runDir: string): Certificate {
  const dir = path.join(runDir, 'tls');
  const r = spawnSync('bash', [SCRIPT, 'cert', dir], { env: { ...process.env, MAIL_HOSTNAME }, encoding: 'utf8' });
  if (r.status === 3) throw new DovecotMissing(r.stderr.trim());
  if (r.status !== 0) throw new Error(`scripts/dovecot.sh cert failed (exit ${r.status}):\n${r.stderr}`);
  const cert = path.join(dir, 'cert.pem');
  return { cert, key: path.join(dir, 'key.pem'), pem: readFileSync(cert, 'utf8') };
}

export class Dovecot {
  readonly dir: string;
  private running = false;
  pid: number | null = null;

  constructor(
    readonly name: string,
    runDir: string,
    readonly ports: Ports,
    readonly tls: TlsMode = 'off',
    readonly certificate: Certificate | null = null,
    /**
     * Dovecot's quota-status policy service (docs/rules.md rule 64) on
     * 127.0.0.1:`port`, as Dovecot's quota plugin documentation sets it up for
     * Postfix (`quota-status -p postfix`, DUNNO for success and unknown users),
     * answering a full mailbox with `overquota` ("552 5.2.2 Mailbox is full",
     * Dovecot's default, or "452 4.2.2 Mailbox is full"); scripts/dovecot.sh
     * writes it into the config it starts with.
     */
    readonly quotaStatus: { readonly port: number; readonly overquota: string } | null = null,
  ) {
    this.dir = path.join(runDir, name);
    if (tls === 'required' && !certificate) throw new Error('TLS required needs the run\'s certificate');
    if (quotaStatus && (!Number.isInteger(quotaStatus.port) || !/^[45]\d\d [45]\.\d\.\d [A-Za-z ]+$/.test(quotaStatus.overquota))) throw new Error(`unusable quota-status settings: ${quotaStatus.port} ${JSON.stringify(quotaStatus.overquota)}`);
  }

  /** Where the quota-status service listens, if this instance has it. */
  get quotaStatusPort(): number | null {
    return this.quotaStatus?.port ?? null;
  }

  /** Dovecot's auth socket for a Postfix's SASL (smtpd_sasl_type = dovecot). */
  get authSocket(): string {
    return path.join(this.dir, 'run', 'auth-postfix');
  }

  private scriptAsync(action: string): Promise<{ status: number; out: string; err: string }> {
    return new Promise((resolve) => {
      const child = spawn('bash', [SCRIPT, action, this.dir], { env: this.env(), stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      child.on('close', (code) => resolve({ status: code ?? 1, out, err }));
    });
  }

  private env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      IMAP_PORT: String(this.ports.imap),
      POP3_PORT: String(this.ports.pop3),
      LMTP_PORT: String(this.ports.lmtp),
      IMAPS_PORT: String(this.ports.imaps),
      POP3S_PORT: String(this.ports.pop3s),
      TLS: this.tls,
      TLS_CERT: this.certificate?.cert ?? '',
      TLS_KEY: this.certificate?.key ?? '',
      MAIL_HOSTNAME,
      QUOTA_STATUS_PORT: String(this.quotaStatus?.port ?? 0),
      QUOTA_STATUS_OVERQUOTA: this.quotaStatus?.overquota ?? '',
    };
  }

  private script(action: string): { status: number; out: string; err: string } {
    const r = spawnSync('bash', [SCRIPT, action, this.dir], {
      env: this.env(),
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      timeout: 240_000,
    });
    return { status: r.status ?? 1, out: r.stdout ?? '', err: r.stderr ?? '' };
  }

  /** Install if missing, start, wait for the ports (without blocking other workers). */
  async start(): Promise<string> {
    const r = await this.scriptAsync('start');
    if (r.status === 3) throw new DovecotMissing(r.err.trim());
    if (r.status !== 0) throw new Error(`scripts/dovecot.sh start failed (exit ${r.status}):\n${r.err}${r.out}`);
    this.running = true;
    const m = /pid (\d+)/.exec(r.out);
    this.pid = m ? Number(m[1]) : null;
    if (this.quotaStatus) await this.quotaStatusOpen(this.quotaStatus.port);
    return r.out.trim();
  }

  /** Wait until Dovecot's quota-status service accepts connections (it sends no greeting). */
  private async quotaStatusOpen(port: number): Promise<void> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const open = await new Promise<boolean>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
      if (open) return;
      if (Date.now() > deadline) throw new Error(`Dovecot's quota-status service did not open 127.0.0.1:${port}`);
      await new Promise((done) => setTimeout(done, 50));
    }
  }

  /** Stop by the pid it wrote (waits until the master is gone). */
  stopSync(): void {
    if (!this.running && !existsSync(path.join(this.dir, 'run', 'master.pid'))) return;
    const r = this.script('stop');
    if (r.status !== 0) throw new Error(`scripts/dovecot.sh stop failed (exit ${r.status}):\n${r.err}`);
    this.running = false;
  }

  /** The same, without blocking: several instances stop at once. */
  stop(): Promise<void> {
    if (!this.running && !existsSync(path.join(this.dir, 'run', 'master.pid'))) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const child = spawn('bash', [SCRIPT, 'stop', this.dir], { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      child.on('close', (code) => {
        this.running = false;
        if (code === 0) resolve();
        else reject(new Error(`scripts/dovecot.sh stop failed (exit ${code}):\n${err}`));
      });
    });
  }

  /**
   * A fresh server for one run: users written with homes in a new directory,
   * so nothing of an earlier run (not even a process still closing) can be
   * seen. The running auth process takes the new users file by itself (see
   * writeUsers); a login must then create the new home.
   */
  async reset(users: readonly UserSpec[], addresses: ReadonlyMap<string, string>): Promise<void> {
    const mail = path.join(this.dir, 'mail');
    await Promise.all(readdirSync(mail).filter((e) => e.startsWith('run-')).map((e) => rm(path.join(mail, e), { recursive: true, force: true })));
    await rm(path.join(this.dir, 'backup'), { recursive: true, force: true });
    this.runNumber++;
    const home = (login: string) => path.join(mail, `run-${this.runNumber}`, login);
    const lines: string[] = [];
    for (const u of users) {
      lines.push(passwdLine(u.login, u, home(u.login)));
      const address = addresses.get(u.login)?.toLowerCase();
      if (address && address !== u.login) {
        lines.push(passwdLine(address, u, home(u.login)));
        this.loginOfAddress.set(address, u.login);
      }
    }
    this.writeUsers(lines.join(''));
    // Check that the new users are in force: a login must create the new home.
    const first = users[0];
    if (!first) return this.usersInForce();
    const deadline = Date.now() + 20_000;
    for (;;) {
      try {
        const c = await ImapClient.login(this.ports.imap, first.login, first.password);
        await c.run('STATUS INBOX (MESSAGES)'); // mail storage (and home) are created lazily
        await c.logout();
      } catch {
        /* not yet */
      }
      if (existsSync(home(first.login))) return;
      if (Date.now() > deadline) throw new Error(`Dovecot did not take the new users file within 20 s (${path.join(this.dir, 'users.passwd')})`);
      // The lookup was served from the file as read earlier in this second: the next second's reads it anew.
      await this.usersInForce();
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /**
   * Replace the users file. Dovecot's passwd-file (2.3) looks at the file at
   * most once a second (db-passwd-file.c, passwd_file_sync: not again while
   * ioloop_time is that of its last look) and reads it anew when its mtime
   * (in seconds) or size differs from what it read. So the file is replaced
   * whole (rename: auth never reads half of it), each version with an mtime
   * of its own, and from the second after the rename on every lookup sees it.
   * The passdb and the userdb name the same file and so share one reading of
   * it (db_passwd_file_init): a login that creates the new home proves that
   * both read the new version.
   * No reload: a reload starts a new auth process while the old one stays
   * for the connections it has (a Postfix smtpd keeps its SASL connection
   * open across sessions), so two processes with different users could
   * answer.
   */
  private writeUsers(text: string): void {
    const file = path.join(this.dir, 'users.passwd');
    const next = `${file}.new`;
    writeFileSync(next, text, { mode: 0o640 });
    try {
      // auth reads it as the dovecot user (the script made the file root:dovecot 0640)
      chmodSync(next, 0o640);
      const gid = groupId('dovecot');
      if (gid !== null) chownSync(next, 0, gid);
    } catch {
      /* not root: the script already refused to start */
    }
    const was = existsSync(file) ? Math.floor(statSync(file).mtimeMs / 1000) : 0;
    const stamp = Math.max(was + 1, Math.floor(Date.now() / 1000));
    utimesSync(next, stamp, stamp);
    renameSync(next, file);
    this.usersWrittenAt = Date.now();
  }

  /** Wait until the second after the users file was last replaced has begun (see writeUsers). */
  private async usersInForce(): Promise<void> {
    const from = (Math.floor(this.usersWrittenAt / 1000) + 1) * 1000 + 20;
    const wait = from - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }

  private usersWrittenAt = 0;

  /** The current run's home directory of a login. */
  home(login: string): string {
    return path.join(this.dir, 'mail', `run-${this.runNumber}`, login);
  }

  /**
   * The operator's side of a server backup, a disk failure and a restore, done
   * to the store on disk as an operator would (cp -a, rm -rf, cp -a back).
   */
  storage(action: 'backup' | 'wipe' | 'restore', logins: readonly string[]): void {
    const backups = path.join(this.dir, 'backup', `run-${this.runNumber}`);
    for (const login of logins) {
      const home = this.home(login);
      const saved = path.join(backups, login);
      if (action === 'backup') {
        rmSync(saved, { recursive: true, force: true });
        mkdirSync(backups, { recursive: true });
        if (existsSync(home)) cp(home, saved);
      } else if (action === 'wipe') {
        rmSync(home, { recursive: true, force: true });
      } else {
        rmSync(home, { recursive: true, force: true });
        if (existsSync(saved)) cp(saved, home);
      }
    }
  }

  /**
   * The operator's fix after a restore: a new UIDVALIDITY on every folder
   * (`doveadm mailbox update --uid-validity`), so IMAP clients drop their
   * caches instead of trusting UIDs the restore hands out again. Each value
   * is new: counted on from a day ahead of the clock (Dovecot's own come from it).
   */
  renewUidValidity(logins: readonly string[], folders: readonly string[]): void {
    for (const login of logins) {
      for (const folder of folders) {
        // A day ahead of the clock: never a value a folder of this run already has.
        this.nextUidValidity = Math.max(this.nextUidValidity + 1, Math.floor(Date.now() / 1000) + 86_400);
        const r = spawnSync('doveadm', ['-c', path.join(this.dir, 'dovecot.conf'), 'mailbox', 'update', '--uid-validity', String(this.nextUidValidity), '-u', login, folder], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`doveadm mailbox update --uid-validity for ${login} ${folder} failed (exit ${r.status}): ${r.stderr}`);
      }
    }
  }

  /**
   * A copy of `login`'s mailbox on `from` made the way a provider moving
   * Dovecot to Dovecot does it: dsync one way (`doveadm backup -R`, the
   * source's mail location as the other side), which keeps every message's
   * UID and each folder's UIDVALIDITY, so POP3 UIDLs stay (rule 88).
   */
  dsyncFrom(from: Dovecot, login: string): void {
    // dsync reads with modseqs, which Dovecot then keeps on for that mailbox; the old provider's
    // server is another machine that dsync reaches over the network, so read a copy of its store.
    const copy = path.join(this.dir, 'dsync-source', login);
    rmSync(copy, { recursive: true, force: true });
    mkdirSync(path.dirname(copy), { recursive: true });
    cp(from.home(login), copy);
    const source = `sdbox:${path.join(copy, 'sdbox')}`;
    const r = spawnSync('doveadm', ['-c', path.join(this.dir, 'dovecot.conf'), 'backup', '-R', '-u', login, source], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`doveadm backup -R -u ${login} ${source} failed (exit ${r.status}): ${r.stderr}`);
  }

  /**
   * The old provider at the contract's end: the users leave its users file
   * (a login is then refused as for a wrong password) and their mail is deleted (rule 92).
   */
  async removeUsers(logins: readonly string[]): Promise<void> {
    const file = path.join(this.dir, 'users.passwd');
    const gone = new Set(logins);
    const kept = readFileSync(file, 'utf8').split('\n').filter((l) => l && !gone.has(l.split(':', 1)[0]) && !gone.has(this.loginOfAddress.get(l.split(':', 1)[0]) ?? ''));
    this.writeUsers(kept.map((l) => `${l}\n`).join(''));
    for (const login of logins) rmSync(this.home(login), { recursive: true, force: true });
    await this.usersInForce();
  }

  private nextUidValidity = 0;
  /** The users file's address lines, by address: the login they belong to. */
  private readonly loginOfAddress = new Map<string, string>();
  private runNumber = 0;
}

function passwdLine(name: string, u: UserSpec, home: string): string {
  if (!/^[A-Za-z0-9.@_-]+$/.test(name) || !/^[A-Za-z0-9]+$/.test(u.password)) throw new Error(`unusable user name or password for ${name}`);
  const extra: string[] = [];
  const rule: string[] = [];
  if (u.quota?.storageKB) rule.push(`storage=${u.quota.storageKB}K`);
  if (u.quota?.messages) rule.push(`messages=${u.quota.messages}`);
  if (rule.length) extra.push(`userdb_quota_rule=*:${rule.join(':')}`);
  // '%' is Dovecot's variable character, and this value is expanded twice (as a
  // passwd-file field, then as a plugin setting): a literal percent is %%%%.
  extra.push(`userdb_quota_grace=${u.gracePercent}%%%%`);
  if (u.tempfail) extra.push('userdb_quota_full_tempfail=yes');
  if (u.pop3Lock) extra.push('userdb_pop3_lock_session=yes');
  // name:password:uid:gid:gecos:home:shell:extra fields
  return [name, `{PLAIN}${u.password}`, '', '', '', home, '', extra.join(' ')].join(':') + '\n';
}

/**
 * `cp -a` without starting a process (a run makes about 200 of these copies):
 * the tree copied with each entry's mode, owner and modification and access
 * times. A Dovecot store holds directories and regular files; anything else
 * is refused rather than copied differently.
 */
function cp(from: string, to: string) {
  const st = lstatSync(from);
  if (st.isDirectory()) {
    mkdirSync(to);
    for (const entry of readdirSync(from)) cp(path.join(from, entry), path.join(to, entry));
  } else if (st.isFile()) {
    copyFileSync(from, to);
  } else throw new Error(`cannot copy ${from}: neither a directory nor a regular file`);
  chownSync(to, st.uid, st.gid);
  chmodSync(to, st.mode & 0o7777);
  // After the entries: writing them changed the directory's times.
  utimesSync(to, st.atimeMs / 1000, st.mtimeMs / 1000);
}

const groups = new Map<string, number | null>();
function groupId(name: string): number | null {
  if (!groups.has(name)) {
    const r = spawnSync('getent', ['group', name], { encoding: 'utf8' });
    const m = /^[^:]*:[^:]*:(\d+):/.exec(r.stdout ?? '');
    groups.set(name, m ? Number(m[1]) : null);
  }
  return groups.get(name)!;
}

// The harness's handle on a private Postfix started by scripts/postfix.sh (the
// provider's MX, handing mail to the private Dovecot over LMTP), a small SMTP
// client, and readers for what Postfix keeps: its queue and its bounces.
import { spawn } from 'node:child_process';
import { utimesSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './dovecot';
import { parseDsn, type Dsn } from './dsn';
import { postfixEnv, type PostfixOptions } from './postfix-config';
import { parsePostqueue, type QueuedMail } from './postqueue';
import { ImapClient, readSmtpReply, Wire, type ConnectOptions, type TlsTrust } from './wire';

const SCRIPT = path.join(ROOT, 'scripts', 'postfix.sh');

/** Postfix cannot be had here (not installed, and not root or not Debian). */
export class PostfixMissing extends Error {}

/** Postfix's commands live in /usr/sbin, which a user's PATH may lack (scripts/postfix.sh adds it too). */
const SBIN_ENV = { ...process.env, PATH: `${process.env.PATH ?? ''}:/usr/sbin:/sbin` };

/** Run a Postfix command; its standard output, or an error with its standard error. */
function run(cmd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: SBIN_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} failed (exit ${code}): ${err}`))));
  });
}

function script(action: string, dir: string, env: Record<string, string> = {}): Promise<{ status: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', [SCRIPT, action, dir], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ status: code ?? 1, out, err }));
  });
}

export class Postfix {
  private running = false;
  /** "3.7.11", once started. */
  version = '';

  constructor(
    readonly dir: string,
    readonly options: PostfixOptions,
  ) {}

  async start(): Promise<string> {
    // The run's instances all live in its directory; they share one copy of the queue and data
    // directories as the first of them made and checked them (QUEUE_TEMPLATE in scripts/postfix.sh).
    const r = await script('start', this.dir, { ...postfixEnv(this.options), QUEUE_TEMPLATE: path.join(path.dirname(this.dir), 'postfix-template') });
    if (r.status === 3) throw new PostfixMissing(r.err.trim());
    if (r.status !== 0) throw new Error(`scripts/postfix.sh start failed (exit ${r.status}):\n${r.err}${r.out}`);
    this.running = true;
    this.version = /^postfix (\S+)/.exec(r.out)?.[1] ?? '';
    return r.out.trim();
  }

  /**
   * Ask a policy service at RCPT TO (`smtpd_recipient_restrictions =
   * check_policy_service inet:127.0.0.1:PORT`), as Dovecot's quota plugin
   * documentation has Postfix ask quota-status (rule 64); the running master
   * reloads its configuration.
   */
  async checkPolicyService(port: number): Promise<void> {
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`not a TCP port: ${port}`);
    await this.configure([`smtpd_recipient_restrictions = check_policy_service inet:127.0.0.1:${port}`]);
  }

  /**
   * Change main.cf settings of the running instance (`postconf -e`) and let
   * the master reload them: for what scripts/postfix.sh does not set.
   */
  async configure(settings: readonly string[]): Promise<void> {
    await run('postconf', ['-c', this.dir, '-e', ...settings]);
    // Written whole: set its mtime back, or the reload naps until main.cf has "cooled down" (2 s; see cooled() in scripts/postfix.sh).
    const back = Date.now() / 1000 - 5;
    utimesSync(path.join(this.dir, 'main.cf'), back, back);
    await run('postfix', ['-c', this.dir, 'reload']);
  }

  /** A queued message's header and body (`postcat -bh -q ID`), without postcat's section markers. */
  async message(id: string): Promise<string> {
    if (!/^[0-9A-Za-z]+$/.test(id)) throw new Error(`not a queue id: ${id}`);
    const out = await run('postcat', ['-c', this.dir, '-bh', '-q', id]);
    return out
      .split('\n')
      .filter((l) => !/^\*\*\* .* \*\*\*$/.test(l))
      .join('\n');
  }

  /**
   * Force a queued message to expire (`postsuper -e ID`, Postfix 3.5+): at its
   * next delivery attempt the queue manager returns it to the sender, as when
   * maximal_queue_lifetime runs out, without waiting days for that.
   */
  async expire(id: string): Promise<void> {
    if (!/^[0-9A-Za-z]+$/.test(id)) throw new Error(`not a queue id: ${id}`);
    await run('postsuper', ['-c', this.dir, '-e', id]);
  }

  /** Empty the queue (`postsuper -d ALL`): nothing one check left behind reaches the next. */
  async deleteAll(): Promise<void> {
    await run('postsuper', ['-c', this.dir, '-d', 'ALL']);
  }

  /** Stop the master by its pid; the system main.cf forgets this instance. */
  async stop(): Promise<void> {
    if (!this.running) return;
    const r = await script('stop', this.dir);
    this.running = false;
    if (r.status !== 0) throw new Error(`scripts/postfix.sh stop failed (exit ${r.status}):\n${r.err}`);
  }

  /** What is queued now (`postqueue -j`). */
  async queue(): Promise<QueuedMail[]> {
    // postqueue itself, not scripts/postfix.sh queue: the waits ask this every 40 ms, and a bash per ask costs more than the answer.
    return parsePostqueue(await run('postqueue', ['-c', this.dir, '-j']));
  }

  /** Retry deferred mail now (`postqueue -f`), as an operator does once space is free. */
  async flush(): Promise<void> {
    await run('postqueue', ['-c', this.dir, '-f']);
  }

  /** The setting in force for this instance (`postconf -c DIR -h NAME`). */
  async setting(name: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = spawn('postconf', ['-c', this.dir, '-h', name], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.on('close', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`postconf -h ${name} failed`))));
    });
  }

  /** Poll the queue until `done` holds (Postfix works asynchronously after a 250). */
  async waitForQueue(done: (q: QueuedMail[]) => boolean, what: string, timeoutMs = 10_000): Promise<QueuedMail[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const q = await this.queue();
      if (done(q)) return q;
      if (Date.now() > deadline) throw new Error(`Postfix's queue did not reach "${what}" within ${timeoutMs / 1000} s: ${JSON.stringify(q)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** One SMTP session, read reply by reply. */
export class SmtpClient {
  private constructor(readonly wire: Wire) {}

  /** Connect and read the greeting. */
  static async connect(port: number, options: ConnectOptions = {}): Promise<{ client: SmtpClient; greeting: string[] }> {
    const wire = await Wire.connect(port, options);
    const greeting = await readSmtpReply(wire, 15_000);
    return { client: new SmtpClient(wire), greeting };
  }

  async command(line: string): Promise<string[]> {
    this.wire.writeLine(line);
    return readSmtpReply(this.wire, 15_000);
  }

  /** The message after a 354, dot-stuffed, and the reply to its end. */
  async message(block: Buffer): Promise<string[]> {
    this.wire.writeRaw(block, `<message, ${block.length} octets with the final dot>`);
    return readSmtpReply(this.wire, 30_000);
  }

  startTls(trust: TlsTrust) {
    return this.wire.startTls(trust);
  }

  async quit(): Promise<string[]> {
    const r = await this.command('QUIT');
    this.wire.hangUp();
    return r;
  }
}

/** Every message in a mailbox's INBOX, whole (BODY.PEEK[]), oldest first. */
export async function inboxMessages(imapPort: number, login: string, password: string): Promise<string[]> {
  const c = await ImapClient.login(imapPort, login, password);
  try {
    await c.run('SELECT INBOX');
    const lines = await c.run('FETCH 1:* (BODY.PEEK[])');
    return lines.filter((l) => l.literals.length).map((l) => l.literals[0].toString('latin1'));
  } finally {
    await c.logout();
  }
}

/** The bounces (DSNs) in a mailbox's INBOX. */
export async function bounces(imapPort: number, login: string, password: string): Promise<Dsn[]> {
  return (await inboxMessages(imapPort, login, password)).filter((m) => /^content-type:\s*multipart\/report/im.test(m.split(/\r?\n\r?\n/, 1)[0] ?? '')).map(parseDsn);
}

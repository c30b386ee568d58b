// Small line-oriented clients for LMTP, POP3 and IMAP over node:net. They only
// ever talk to 127.0.0.1. Each reads what the server sends until the protocol
// says a reply is complete, and returns the raw lines (CRLF removed).
import net from 'node:net';
import tls from 'node:tls';

export const LOOPBACK = '127.0.0.1';
/**
 * The address replayed clients connect from. Dovecot counts a connection whose
 * two ends have the same address as secured (no LOGINDISABLED, plaintext login
 * allowed even with ssl = required); a client at another loopback address is
 * treated as a remote one, as production treats every device.
 */
export const REMOTE_CLIENT = '127.0.0.2';

export interface ConnectOptions {
  readonly timeoutMs?: number;
  /** Local address to connect from (REMOTE_CLIENT for a device's view). */
  readonly from?: string;
  /** Implicit TLS (993/995/465): the handshake happens before the greeting. */
  readonly tls?: TlsTrust;
}

/** Whom the client trusts: the run's own certificate, checked for the server's name. */
export interface TlsTrust {
  readonly ca: string | Buffer;
  readonly servername: string;
}

/** What a TLS handshake agreed on, as a transcript line would name it. */
export interface Handshake {
  readonly protocol: string;
  readonly certificate: string;
}

/** The one transcript line that stands for a handshake (see conformance/selfcheck-tls.ts). */
export const handshakeLine = (h: Handshake) => `<TLS handshake: ${h.protocol}, certificate ${h.certificate}>`;

export class WireClosed extends Error {}
export class WireTimeout extends Error {}

/** A TCP connection that hands out CRLF-terminated lines and raw byte runs. */
export class Wire {
  private buf: Buffer = Buffer.alloc(0);
  /** Chunks not yet joined to buf (joining on every chunk would copy a large literal over and over). */
  private chunks: Buffer[] = [];
  private chunkBytes = 0;
  private ended = false;
  private wake: (() => void) | null = null;
  /** Everything written and read, for a readable failure message. */
  readonly log: string[] = [];

  /** Set once the connection speaks TLS. */
  handshake: Handshake | null = null;

  private constructor(private socket: net.Socket) {
    this.listen(socket);
  }

  private listen(socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.chunks.push(chunk);
      this.chunkBytes += chunk.length;
      this.poke();
    });
    const end = () => {
      this.ended = true;
      this.poke();
    };
    socket.on('end', end);
    socket.on('close', end);
    socket.on('error', end);
  }

  static connect(port: number, options: number | ConnectOptions = {}): Promise<Wire> {
    const o: ConnectOptions = typeof options === 'number' ? { timeoutMs: options } : options;
    const timeoutMs = o.timeoutMs ?? 5000;
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: LOOPBACK, port, localAddress: o.from });
      socket.setNoDelay(true);
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new WireTimeout(`connect to ${LOOPBACK}:${port} timed out`));
      }, timeoutMs);
      socket.once('connect', () => {
        if (!o.tls) {
          clearTimeout(timer);
          resolve(new Wire(socket));
          return;
        }
        Wire.secure(socket, o.tls).then(
          ({ secure, handshake }) => {
            clearTimeout(timer);
            const wire = new Wire(secure);
            wire.handshake = handshake;
            resolve(wire);
          },
          (err: Error) => {
            clearTimeout(timer);
            socket.destroy();
            reject(err);
          },
        );
      });
      socket.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
  }

  /** A TLS client handshake over a connected socket, verifying the certificate and its name. */
  private static secure(socket: net.Socket, trust: TlsTrust): Promise<{ secure: tls.TLSSocket; handshake: Handshake }> {
    return new Promise((resolve, reject) => {
      const secure = tls.connect({ socket, ca: trust.ca, servername: trust.servername });
      secure.once('secureConnect', () => {
        secure.removeListener('error', reject);
        const cn = secure.getPeerCertificate().subject?.CN;
        resolve({ secure, handshake: { protocol: secure.getProtocol() ?? 'unknown', certificate: Array.isArray(cn) ? cn.join(',') : (cn ?? '(none)') } });
      });
      secure.once('error', reject);
    });
  }

  /**
   * STARTTLS/STLS: after the server's go-ahead, the same connection continues in
   * TLS. Nothing may be buffered yet (a server that sends more before the
   * handshake would be injecting plaintext into the secured session).
   */
  async startTls(trust: TlsTrust): Promise<Handshake> {
    this.join();
    if (this.buf.length) throw new Error(`the server sent ${this.buf.length} bytes after its STARTTLS reply, before the handshake`);
    const plain = this.socket;
    plain.removeAllListeners('data');
    plain.removeAllListeners('end');
    plain.removeAllListeners('close');
    plain.removeAllListeners('error');
    const { secure, handshake } = await Wire.secure(plain, trust);
    this.socket = secure;
    this.listen(secure);
    this.handshake = handshake;
    this.log.push(`-- ${handshakeLine(handshake)}`);
    return handshake;
  }

  get closed(): boolean {
    return this.ended && this.buf.length === 0 && this.chunkBytes === 0;
  }

  private join() {
    if (!this.chunks.length) return;
    this.buf = Buffer.concat(this.buf.length ? [this.buf, ...this.chunks] : this.chunks);
    this.chunks = [];
    this.chunkBytes = 0;
  }

  private poke() {
    const w = this.wake;
    this.wake = null;
    if (w) w();
  }

  private waitForData(deadline: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const left = deadline - Date.now();
      if (left <= 0) return reject(new WireTimeout('timed out waiting for the server'));
      const timer = setTimeout(() => {
        this.wake = null;
        reject(new WireTimeout('timed out waiting for the server'));
      }, left);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** The next line without its CRLF; null when the server closed the connection. */
  async readLine(timeoutMs = 5000): Promise<string | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.join();
      const nl = this.buf.indexOf(0x0a);
      if (nl >= 0) {
        const end = nl > 0 && this.buf[nl - 1] === 0x0d ? nl - 1 : nl;
        const line = this.buf.subarray(0, end).toString('latin1');
        this.buf = this.buf.subarray(nl + 1);
        this.log.push(`S: ${line}`);
        return line;
      }
      if (this.ended) {
        if (this.buf.length) {
          const rest = this.buf.toString('latin1');
          this.buf = Buffer.alloc(0);
          this.log.push(`S: ${rest}`);
          return rest;
        }
        return null;
      }
      await this.waitForData(deadline);
    }
  }

  /** Exactly n bytes (an IMAP literal). */
  async readBytes(n: number, timeoutMs = 5000): Promise<Buffer> {
    const deadline = Date.now() + timeoutMs;
    while (this.buf.length + this.chunkBytes < n) {
      if (this.ended) throw new WireClosed(`connection closed inside a ${n}-byte literal`);
      await this.waitForData(deadline);
    }
    this.join();
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    return Buffer.from(out);
  }

  /** Is a complete line already waiting (without blocking)? */
  hasLine(): boolean {
    this.join();
    return this.buf.indexOf(0x0a) >= 0;
  }

  /** The next complete line if one is already waiting, without blocking; else null. */
  takeLine(): string | null {
    this.join();
    const nl = this.buf.indexOf(0x0a);
    if (nl < 0) return null;
    const end = nl > 0 && this.buf[nl - 1] === 0x0d ? nl - 1 : nl;
    const line = this.buf.subarray(0, end).toString('latin1');
    this.buf = this.buf.subarray(nl + 1);
    this.log.push(`S: ${line}`);
    return line;
  }

  writeLine(text: string) {
    this.log.push(`C: ${text}`);
    this.socket.write(text + '\r\n', 'latin1');
  }

  writeRaw(data: Buffer | string, note?: string) {
    this.log.push(`C: ${note ?? `<${typeof data === 'string' ? Buffer.byteLength(data, 'latin1') : data.length} bytes>`}`);
    this.socket.write(data);
  }

  /** Close without a protocol goodbye: a dropped connection. */
  drop() {
    this.socket.destroy();
    this.ended = true;
  }

  /**
   * Close after QUIT/LOGOUT. Dovecot has done the work (an UPDATE, an expunge)
   * before it sends the reply we read, so there is no need to wait for its close.
   */
  hangUp() {
    this.socket.end();
    this.socket.destroy();
    this.ended = true;
  }

  /** Wait (briefly) for the server to close after QUIT/LOGOUT, then close our side. */
  async close(timeoutMs = 1000) {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended && Date.now() < deadline) {
      try {
        await this.waitForData(deadline);
      } catch {
        break;
      }
    }
    this.socket.destroy();
    this.ended = true;
  }
}

// ---- protocol reply readers ------------------------------------------------

/** POP3 commands whose +OK reply is followed by lines up to a lone ".". */
export function pop3IsMultiline(command: string): boolean {
  const [verb, ...args] = command.trim().split(/\s+/);
  const v = (verb ?? '').toUpperCase();
  if (v === 'RETR' || v === 'TOP' || v === 'CAPA') return true;
  if (v === 'LIST' || v === 'UIDL') return args.length === 0;
  return false;
}

/** One POP3 reply: the status line, and for multi-line replies the body up to and including ".". */
export async function readPop3Reply(wire: Wire, command: string | null, timeoutMs = 5000): Promise<string[]> {
  const first = await wire.readLine(timeoutMs);
  if (first === null) return [];
  const lines = [first];
  if (command !== null && first.startsWith('+OK') && pop3IsMultiline(command)) {
    for (;;) {
      const line = await wire.readLine(timeoutMs);
      if (line === null) break;
      lines.push(line);
      if (line === '.') break;
    }
  }
  return lines;
}

/** One SMTP/LMTP reply (continuation lines "250-..." up to the last "250 ..."). */
export async function readSmtpReply(wire: Wire, timeoutMs = 5000): Promise<string[]> {
  const lines: string[] = [];
  for (;;) {
    const line = await wire.readLine(timeoutMs);
    if (line === null) return lines;
    lines.push(line);
    if (!/^\d{3}-/.test(line)) return lines;
  }
}

export interface ImapLine {
  /** The line as sent, with each literal's {n} marker kept. */
  readonly text: string;
  /** The text around the literals: parts[i] ends with literal i's {n} marker. */
  readonly parts: string[];
  /** The literals' contents, in order. */
  readonly literals: Buffer[];
}

/** One IMAP response line, reading any literals it announces. */
export async function readImapLine(wire: Wire, timeoutMs = 5000): Promise<ImapLine | null> {
  let line = await wire.readLine(timeoutMs);
  if (line === null) return null;
  let text = line;
  const parts = [line];
  const literals: Buffer[] = [];
  for (;;) {
    const m = /\{(\d+)\}$/.exec(line);
    if (!m) break;
    literals.push(await wire.readBytes(Number(m[1]), timeoutMs));
    line = (await wire.readLine(timeoutMs)) ?? '';
    text += line;
    parts.push(line);
  }
  return { text, parts, literals };
}

/**
 * Lines up to and including the tagged completion for `tag`, or a "+"
 * continuation request (the caller then sends a literal or DONE).
 */
export async function readImapReply(wire: Wire, tag: string | null, timeoutMs = 5000): Promise<ImapLine[]> {
  const out: ImapLine[] = [];
  for (;;) {
    const line = await readImapLine(wire, timeoutMs);
    if (line === null) return out;
    out.push(line);
    if (line.text.startsWith('+')) return out;
    if (tag === null) return out; // the greeting
    if (line.text.startsWith(tag + ' ')) return out;
  }
}

// ---- a small IMAP client for the harness's own reads -------------------------

export class ImapClient {
  private n = 0;
  private constructor(readonly wire: Wire) {}

  static async login(port: number, user: string, password: string): Promise<ImapClient> {
    const wire = await Wire.connect(port);
    try {
      await readImapReply(wire, null);
      const c = new ImapClient(wire);
      const r = await c.run(`LOGIN ${user} ${password}`);
      if (!/^\S+ OK/.test(r[r.length - 1]?.text ?? '')) throw new Error(`LOGIN ${user} failed: ${r.map((l) => l.text).join(' | ')}`);
      return c;
    } catch (err) {
      wire.drop(); // a server that never greeted must not keep the connection
      throw err;
    }
  }

  /** Run one command; returns every line up to its tagged completion. */
  async run(command: string): Promise<ImapLine[]> {
    const tag = `h${++this.n}`;
    this.wire.writeLine(`${tag} ${command}`);
    return readImapReply(this.wire, tag);
  }

  async logout() {
    try {
      await this.run('LOGOUT');
    } finally {
      await this.wire.close();
    }
  }
}

// Replaying one timeline (a scenario under one variant) against real Dovecot.
//
// Frames are walked in order. Every session the model opens is opened for
// real (LMTP, POP3, IMAP on 127.0.0.1), every client line of the model's transcript is sent as it is,
// and Dovecot's reply is read to its protocol end and compared with the
// server lines the model wrote after that command. After every step the real
// mailboxes (folders, mails, flags, UIDs, sizes, quota) are compared with the
// model's server state.
//
// TLS: with `tls` unset every session is a plain connection (the test bench
// that today's transcripts agree with). With `tls` set the server requires TLS
// as production does: devices connect from another loopback address (so
// Dovecot treats them as remote), sessions on 993/995 speak implicit TLS,
// STARTTLS/STLS upgrade the connection after the server's go-ahead, and the
// handshake is compared as one server line, handshakeLine() in wire.ts.
import type { ProtocolLine, SessionInfo } from '../src/sim/timeline';
import type { Dovecot } from './dovecot';
import { MAIL_HOSTNAME } from './dovecot';
import { buildMessage, dataBlock, lmtpAddedBytes, mailIdFrom } from './message';
import type { RefusedDelivery } from './mx-delivery';
import { compareReply, diffLines, Mapper, type DiffLine, type Protocol } from './normalise';
import { describeAccount, modelAccount, observeAccount, type AccountQuota, type MapLike, type ModelStateLike, type ServerAccount } from './observe';
import { handshakeLine, ImapClient, pop3IsMultiline, readImapLine, readImapReply, readPop3Reply, readSmtpReply, REMOTE_CLIENT, Wire, type ImapLine, type TlsTrust } from './wire';

// ---- the shapes read from the model (structural, so the harness follows the engine) ----

// Sessions and lines are the engine's own types: the transcript format has one definition.
export type SessionLike = SessionInfo;
export type LineLike = ProtocolLine;
export interface MailLike {
  readonly id: string;
  readonly subject: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly sizeBytes: number;
  /** The size of the header section as stored, when the model states it. */
  readonly headerBytes?: number;
}
export interface FrameLike {
  readonly index: number;
  readonly time: number;
  readonly step: number;
  readonly label: string;
  readonly sessions: readonly SessionLike[];
  /** What the frame tells; server.backup / server.diskFailed / server.restored are replayed on disk. */
  readonly narration?: { readonly key: string };
  readonly state: Omit<ModelStateLike, 'mails'> & {
    readonly serverGeneration: number;
    /** The server is down (its disk is lost, no restore yet): no one can log in to look. */
    readonly serverDown?: boolean;
    readonly mails: MapLike<string, MailLike>;
  };
}
export interface AccountLike {
  readonly id: string;
  readonly address: string;
  readonly password: string;
  readonly quota?: AccountQuota;
}

export interface ReplayInput {
  readonly scenario: string;
  readonly variant: string | null;
  readonly accounts: readonly AccountLike[];
  readonly extraFolders: readonly string[];
  readonly frames: readonly FrameLike[];
  readonly linesOf: (frame: FrameLike) => LineLike[];
  /** The model's header size for a mail of a given size, when MailInfo does not carry it. */
  readonly headerBytes?: (sizeBytes: number) => number;
  /** Dovecot for server generation g, started and wiped for this run. */
  readonly server: (generation: number) => Promise<Dovecot>;
  /** Set when the server requires TLS (Dovecot started with TLS 'required'): whom to trust. */
  readonly tls?: TlsTrust;
  /**
   * The provider's Postfix for the submission dialogues (SMTP sessions): its
   * submission (587) and submissions (465) ports, with the scenario's
   * message_size_limit. Unset: SMTP lines are counted as not compared.
   */
  readonly submission?: () => Promise<{ readonly submission: number; readonly submissions: number }>;
  /**
   * The provider's MX (port 25 in the model) for the sending servers' sessions
   * of a scenario that checks quota at RCPT TO (rule 64): a Postfix asking the
   * replay Dovecot's quota-status service. Unset: those sessions go to submission.
   */
  readonly mx?: () => Promise<number>;
  /**
   * The same delivery through the real MX, for an LMTP session in which the
   * model refuses a recipient (conformance/mx-delivery.ts): the model's lines
   * and the real ones, or null when it cannot be replayed so (the sender has
   * a mailbox here). Unset: not checked.
   */
  readonly mxDelivery?: (d: RefusedDelivery, generation: number) => Promise<{ readonly expected: string[]; readonly real: string[] } | null>;
}

/** Ports whose sessions start with a TLS handshake (IMAPS, POP3S, SMTPS). */
const IMPLICIT_TLS_PORTS = new Set([993, 995, 465]);
/** Every account's folders on the replay's Dovecot (scripts/dovecot.sh has them auto-created); a scenario's extra ones come on top. */
const STANDARD_FOLDERS = ['INBOX', 'Sent', 'Drafts', 'Trash', 'Archive'];

export interface Disagreement {
  readonly scenario: string;
  readonly variant: string | null;
  readonly step: number;
  readonly time: number;
  readonly frame: string;
  readonly kind: 'reply' | 'state' | 'replay';
  /** "POP3 laptop#3", "state alice", ... */
  readonly where: string;
  readonly protocol: Protocol | null;
  readonly command: string | null;
  readonly diff: readonly DiffLine[];
  readonly note?: string;
}

export interface StepResult {
  readonly step: number;
  readonly time: number;
  readonly label: string;
  readonly exchanges: number;
  readonly disagreements: Disagreement[];
}

export interface ReplayResult {
  readonly scenario: string;
  readonly variant: string | null;
  readonly steps: StepResult[];
  /** Lines not compared because no server of the replay speaks that protocol (SMTP, when no Postfix is given). */
  readonly notCompared: { protocol: Protocol; lines: number }[];
}

// ---- sessions -----------------------------------------------------------------

interface Exchange {
  readonly command: string | null;
  readonly model: string[];
  readonly real: string[];
  /** Server lines may still come unasked (IDLE): read more when the model shows more. */
  open: boolean;
  /** LMTP, pipelined: replies still to be read (after the end of DATA: one per accepted recipient). */
  unread?: number | 'per-recipient';
}

interface Live {
  readonly info: SessionLike;
  readonly protocol: Protocol;
  wire: Wire | null;
  exchange: Exchange | null;
  /** IMAP: the tag whose completion has not come yet (after a "+" continuation). */
  openTag: string | null;
  continuation: boolean;
  lmtp: { lhlo: string; from: string; rcpts: string[]; accepted: number; inData: boolean };
  /** SMTP: between the 354 and the end of the message. */
  smtpData: boolean;
  /** LMTP: the message the model sent, and the recipients it refused after DATA (for mxDelivery). */
  lmtpMail?: { id: string; size: number };
  lmtpRefusals?: { address: string; reply: string }[];
  /** Exchanges whose model lines are complete, waiting for their (pipelined) replies. */
  backlog: Exchange[];
  ended: boolean;
  broken: string | null;
}

const REPLY_TIMEOUT_MS = 15_000; // a locked POP3 maildrop answers after ~10 s
// How long to wait for a line the model shows Dovecot sending unasked (an IDLE push after a
// delivery). Only a disagreement waits it out: where the model is right the line comes. 1.5 s was
// too short at a load of 12 on 2 cores: an IDLE push arrived after the harness had sent DONE.
const UNASKED_TIMEOUT_MS = 5_000;
/**
 * Dovecot's keepalive to a session in IDLE (imap_idle_notify_interval, 2 min,
 * the first one at a random point of it): a matter of wall-clock time, which
 * the replay does not compare (scope "time"); the model never sends it.
 */
const IDLE_KEEPALIVE = '* OK Still here';
const notKeepalive = (l: string) => l !== IDLE_KEEPALIVE;

const messageLine = /^<message (\S+), (\d+) octets>$/;

/**
 * Which server and login a session reaches. During a provider move over days
 * (rules 87–94) a session names the mailbox it talks to: <account>@new is the
 * new provider's, replayed against a Dovecot of its own (the next server
 * generation, with the same logins). At the old contract's end the model's
 * server generation moves on to the new provider's; from then on
 * <account>@gone is a login the old provider (the generation before) no
 * longer knows (its users file no longer has it).
 */
export function sessionTarget(info: { readonly serverGeneration: number; readonly account: string }): { generation: number; account: string } {
  const m = /^(.*)@(new|gone)$/.exec(info.account);
  if (!m) return { generation: info.serverGeneration, account: info.account };
  return { generation: m[2] === 'new' ? info.serverGeneration + 1 : info.serverGeneration - 1, account: m[1] };
}
const dropLine = /connection (?:dropped|lost|closed|breaks?)|\bdrop(?:s|ped)?\b.*\bconnection\b|^--/i;

export class Replayer {
  private readonly mapper = new Mapper();
  private readonly live = new Map<string, Live>();
  private readonly servers = new Map<number, Dovecot>();
  private readonly lastReal = new Map<string, ServerAccount>();
  private readonly dirty = new Set<string>();
  private readonly notCompared = new Map<Protocol, number>();
  private current: { step: number; time: number; label: string; exchanges: number; disagreements: Disagreement[] } | null = null;
  private frame: FrameLike | null = null;

  constructor(private readonly input: ReplayInput) {}

  async run(): Promise<ReplayResult> {
    const steps: StepResult[] = [];
    const frames = this.input.frames;
    try {
      for (let i = 0; i < frames.length; i++) {
        const f = frames[i];
        // A unit is one scenario step, or a run of scheduled events (deliveries of a burst,
        // retries, backups) between two steps; the server state is compared after each.
        if (!this.current || f.step !== this.current.step) {
          if (this.current) steps.push(await this.endStep(frames[i - 1]));
          this.current = { step: f.step, time: f.time, label: f.label, exchanges: 0, disagreements: [] };
        }
        this.frame = f;
        await this.playFrame(f);
      }
      if (this.current && frames.length) steps.push(await this.endStep(frames[frames.length - 1]));
    } finally {
      for (const s of this.live.values()) if (s.wire && !s.ended) s.wire.drop();
    }
    return {
      scenario: this.input.scenario,
      variant: this.input.variant,
      steps,
      notCompared: [...this.notCompared].map(([protocol, lines]) => ({ protocol, lines })),
    };
  }

  private disagree(d: Omit<Disagreement, 'scenario' | 'variant' | 'step' | 'time' | 'frame'>) {
    const c = this.current!;
    c.disagreements.push({ scenario: this.input.scenario, variant: this.input.variant, step: c.step, time: this.frame?.time ?? c.time, frame: this.frame?.label ?? c.label, ...d });
  }

  private async serverFor(generation: number): Promise<Dovecot> {
    let s = this.servers.get(generation);
    if (!s) {
      s = await this.input.server(generation);
      this.servers.set(generation, s);
      await this.createExtraFolders(s);
      for (const a of this.input.accounts) this.dirty.add(`${generation}/${a.id}`);
    }
    return s;
  }

  private async createExtraFolders(s: Dovecot) {
    if (!this.input.extraFolders.length) return;
    for (const a of this.input.accounts) {
      const c = await ImapClient.login(s.ports.imap, a.id, a.password);
      for (const f of this.input.extraFolders) {
        const name = /^[A-Za-z0-9_-]+$/.test(f) ? f : `"${f}"`;
        await c.run(`CREATE ${name}`);
        await c.run(`SUBSCRIBE ${name}`);
      }
      await c.logout();
    }
  }

  // ---- one frame ----------------------------------------------------------

  private async playFrame(f: FrameLike) {
    for (const info of f.sessions) {
      if (this.live.has(info.id)) continue;
      this.live.set(info.id, {
        info,
        protocol: info.protocol,
        wire: null,
        exchange: null,
        openTag: null,
        continuation: false,
        lmtp: { lhlo: '', from: '', rcpts: [], accepted: 0, inData: false },
        smtpData: false,
        backlog: [],
        ended: false,
        broken: null,
      });
    }
    for (const line of this.input.linesOf(f)) {
      const s = this.live.get(line.session);
      if (!s) {
        this.disagree({ kind: 'replay', where: line.session, protocol: null, command: null, diff: [{ op: '-', text: `${line.dir}: ${line.text}` }], note: 'a line for a session no frame opened' });
        continue;
      }
      if (s.protocol === 'SMTP' && !this.input.submission && !(s.info.port === 25 && this.input.mx)) {
        // Dovecot is no MTA: without a Postfix, submission lines cannot be compared.
        this.notCompared.set('SMTP', (this.notCompared.get('SMTP') ?? 0) + 1);
        continue;
      }
      if (s.broken) continue;
      if (!s.wire && !s.ended) await this.connect(s);
      if (dropLine.test(line.text) && !/^[+*]|^\d{3}[ -]|^\S+ (OK|NO|BAD)\b/.test(line.text)) {
        this.finish(s);
        s.wire?.drop();
        s.ended = true;
        continue;
      }
      if (line.dir === 'S') await this.serverLine(s, line.text);
      else await this.clientLine(s, line.text);
    }
    await this.operatorEvent(f);
  }

  /** A server event without a protocol: the operator's backup, a lost disk, a restore. */
  private async operatorEvent(f: FrameLike) {
    const action = { 'server.backup': 'backup', 'server.diskFailed': 'wipe', 'server.restored': 'restore', 'server.uidValidityRenewed': 'renew' } as const;
    if (f.narration?.key?.startsWith('move.')) return this.moveEvent(f);
    const what = action[f.narration?.key as keyof typeof action];
    if (!what) return;
    const server = await this.serverFor(f.state.serverGeneration);
    if (what === 'renew') server.renewUidValidity(this.input.accounts.map((a) => a.id), [...STANDARD_FOLDERS, ...this.input.extraFolders]);
    else server.storage(what, this.input.accounts.map((a) => a.id));
    for (const a of this.input.accounts) this.dirty.add(`${f.state.serverGeneration}/${a.id}`);
  }

  /**
   * The operators' side of a provider move over days: dsync from the old
   * Dovecot to the new one (a copy that keeps UIDs and UIDVALIDITY, rule 88),
   * and at the old contract's end the old provider deleting the users and
   * their mail (rule 92). An imapsync copy is replayed as its IMAP session.
   */
  private async moveEvent(f: FrameLike) {
    const g = f.state.serverGeneration;
    const logins = this.input.accounts.map((a) => a.id);
    if (f.narration?.key === 'move.newMailboxKeptUidls') {
      const from = await this.serverFor(g);
      const to = await this.serverFor(g + 1);
      for (const login of logins) to.dsyncFrom(from, login);
      for (const a of logins) this.dirty.add(`${g + 1}/${a}`);
    }
    if (f.narration?.key === 'move.contractEnded') {
      // The frame's state has the new provider's generation already: the old one is the one before.
      const old = await this.serverFor(g - 1);
      await old.removeUsers(logins);
    }
  }

  private async connect(s: Live) {
    if (s.protocol === 'SMTP') return this.connectSubmission(s);
    const server = await this.serverFor(sessionTarget(s.info).generation);
    const trust = this.input.tls;
    const implicit = trust !== undefined && s.protocol !== 'LMTP' && IMPLICIT_TLS_PORTS.has(s.info.port);
    const port =
      s.protocol === 'IMAP' ? (implicit ? server.ports.imaps : server.ports.imap) : s.protocol === 'POP3' ? (implicit ? server.ports.pop3s : server.ports.pop3) : server.ports.lmtp;
    // LMTP comes from the MTA on the server's own host; devices come from elsewhere.
    const from = trust && s.protocol !== 'LMTP' ? REMOTE_CLIENT : undefined;
    try {
      s.wire = await Wire.connect(port, { from, tls: implicit ? trust : undefined });
    } catch (err) {
      s.broken = `cannot connect: ${(err as Error).message}`;
      this.disagree({ kind: 'replay', where: this.where(s), protocol: s.protocol, command: null, diff: [], note: s.broken });
      return;
    }
    // The greeting is the reply to connecting (after the handshake, with implicit TLS).
    const handshake = s.wire.handshake ? [handshakeLine(s.wire.handshake)] : [];
    s.exchange = { command: null, model: [], real: [...handshake, ...(await this.readReply(s, null))], open: true };
  }

  /**
   * A submission session (the device to the provider's Postfix): 465 speaks TLS
   * from the start, 587 is plain until STARTTLS. Devices connect from
   * REMOTE_CLIENT, as for Dovecot.
   */
  private async connectSubmission(s: Live) {
    const implicit = s.info.port === 465;
    // Another provider's server to the MX (rule 64), from elsewhere like a device.
    const mx = s.info.port === 25 && this.input.mx ? await this.input.mx() : null;
    try {
      const ports = mx === null ? await this.input.submission!() : null;
      const port = mx ?? (implicit ? ports!.submissions : ports!.submission);
      s.wire = await Wire.connect(port, { from: REMOTE_CLIENT, tls: implicit ? this.input.tls : undefined });
    } catch (err) {
      s.broken = `cannot connect to Postfix: ${(err as Error).message}`;
      this.disagree({ kind: 'replay', where: this.where(s), protocol: 'SMTP', command: null, diff: [], note: s.broken });
      return;
    }
    const handshake = s.wire.handshake ? [handshakeLine(s.wire.handshake)] : [];
    s.exchange = { command: null, model: [], real: [...handshake, ...(await readSmtpReply(s.wire, REPLY_TIMEOUT_MS))], open: true };
  }

  /**
   * One client line of a submission: the line as the model wrote it, but for
   * the credentials (the account's, as AUTH PLAIN sends them) and the message
   * (built to the model's size, its end sent with the ".").
   */
  private async smtpLine(s: Live, w: Wire, text: string): Promise<string[]> {
    const msg = messageLine.exec(text);
    if (s.smtpData && msg) {
      const mail = this.frame!.state.mails.get(msg[1]);
      if (!mail) {
        s.broken = `the model names mail ${msg[1]}, which its state does not know`;
        this.disagree({ kind: 'replay', where: this.where(s), protocol: 'SMTP', command: text, diff: [], note: s.broken });
        w.drop();
        return [];
      }
      const block = dataBlock(buildMessage({ id: mail.id, from: mail.from, to: mail.to, subject: mail.subject }, Number(msg[2])));
      w.writeRaw(block.subarray(0, block.length - 3), text);
      return [];
    }
    if (s.smtpData && text === '.') {
      s.smtpData = false;
      w.writeRaw('.\r\n', '.');
      return readSmtpReply(w, REPLY_TIMEOUT_MS);
    }
    const account = this.input.accounts.find((a) => a.id === sessionTarget(s.info).account);
    const line = text === 'AUTH PLAIN <credentials>' && account ? `AUTH PLAIN ${Buffer.from(`\0${account.id}\0${account.password}`).toString('base64')}` : text;
    w.writeLine(line);
    const reply = await readSmtpReply(w, REPLY_TIMEOUT_MS);
    if (/^DATA$/i.test(text) && reply[0]?.startsWith('354')) s.smtpData = true;
    return reply;
  }

  /** After STARTTLS/STLS and the server's go-ahead: the handshake, as the line the model writes for it. */
  private async upgrade(s: Live, w: Wire, command: string, reply: string[]): Promise<string[]> {
    const trust = this.input.tls;
    if (!trust) return reply;
    const verb = command.trim().split(/\s+/)[s.protocol === 'IMAP' ? 1 : 0]?.toUpperCase();
    const goAhead =
      s.protocol === 'IMAP' ? /^\S+ OK\b/.test(reply[reply.length - 1] ?? '') : s.protocol === 'SMTP' ? (reply[0] ?? '').startsWith('220') : (reply[0] ?? '').startsWith('+OK');
    if (!goAhead || verb !== (s.protocol === 'POP3' ? 'STLS' : 'STARTTLS')) return reply;
    try {
      return [...reply, handshakeLine(await w.startTls(trust))];
    } catch (err) {
      s.broken = `TLS handshake failed: ${(err as Error).message}`;
      this.disagree({ kind: 'replay', where: this.where(s), protocol: s.protocol, command, diff: [], note: s.broken });
      w.drop();
      s.ended = true;
      return reply;
    }
  }

  private where(s: Live): string {
    return `${s.protocol} ${s.info.id} (${s.info.account})`;
  }

  private async serverLine(s: Live, text: string) {
    const refused = s.protocol === 'LMTP' ? /^[45]52 \d\.\d\.\d <([^>]+)> /.exec(text) : null;
    if (refused) (s.lmtpRefusals ??= []).push({ address: refused[1], reply: text });
    // Server lines with no command before them in this step: sent unasked (IDLE, a BYE).
    if (!s.exchange) s.exchange = { command: '(unasked)', model: [], real: [], open: true };
    const e = s.exchange;
    e.model.push(text);
    // The model shows more than Dovecot has sent so far: a line sent unasked (IDLE, a BYE).
    while (e.open && e.real.length < e.model.length && s.wire && !s.ended) {
      const more = await this.readUnasked(s);
      if (more.length === 0) {
        e.open = false;
        break;
      }
      e.real.push(...more);
    }
  }

  private async clientLine(s: Live, text: string) {
    this.finish(s);
    if (!s.wire || s.ended) return;
    const w = s.wire;
    let reply: string[];
    switch (s.protocol) {
      case 'LMTP': {
        s.exchange = await this.lmtpLine(s, w, text);
        this.current!.exchanges++;
        if (text === 'QUIT') {
          await this.lmtpSync(s);
          w.hangUp();
          s.ended = true;
          await this.throughMx(s);
        }
        return;
      }
      case 'POP3':
        w.writeLine(text);
        reply = await this.upgrade(s, w, text, await this.readReply(s, text));
        break;
      case 'IMAP':
        reply = await this.upgrade(s, w, text, await this.imapCommand(s, w, text));
        break;
      case 'SMTP':
        reply = await this.upgrade(s, w, text, await this.smtpLine(s, w, text));
        break;
      default:
        return;
    }
    s.exchange = { command: text, model: [], real: reply, open: s.protocol === 'IMAP' && s.openTag !== null };
    this.current!.exchanges++;
    this.dirty.add(`${sessionTarget(s.info).generation}/${sessionTarget(s.info).account}`);
    if (/^(QUIT|\S+ LOGOUT)$/i.test(text)) {
      w.hangUp();
      s.ended = true;
    }
  }

  /**
   * LMTP is replayed pipelined (RFC 2920, Dovecot offers PIPELINING): commands
   * are sent at once and their replies read at the next command that must end
   * a group (LHLO, DATA, QUIT), in order. The lines sent are exactly the model's.
   */
  private async lmtpLine(s: Live, w: Wire, text: string): Promise<Exchange> {
    const L = s.lmtp;
    const msg = messageLine.exec(text);
    if (L.inData && msg) {
      s.lmtpMail = { id: msg[1], size: Number(msg[2]) };
      const mail = this.frame!.state.mails.get(msg[1]);
      if (!mail) {
        s.broken = `the model names mail ${msg[1]}, which its state does not know`;
        this.disagree({ kind: 'replay', where: this.where(s), protocol: 'LMTP', command: text, diff: [], note: s.broken });
        w.drop();
        return { command: text, model: [], real: [], open: false };
      }
      const added = lmtpAddedBytes({ lhlo: L.lhlo, hostname: MAIL_HOSTNAME, from: L.from, rcpts: L.rcpts });
      const raw = buildMessage({ id: mail.id, from: mail.from, to: mail.to, subject: mail.subject }, Number(msg[2]) - added, this.headerOf(mail, added));
      const block = dataBlock(raw);
      w.writeRaw(block.subarray(0, block.length - 3), `<message ${mail.id}, ${raw.length} octets before LMTP headers>`);
      return { command: text, model: [], real: [], open: false };
    }
    if (L.inData && text === '.') {
      L.inData = false;
      w.writeRaw('.\r\n', '.');
      return { command: text, model: [], real: [], open: false, unread: 'per-recipient' };
    }
    w.writeLine(text);
    const verb = text.split(/[ :]/)[0].toUpperCase();
    if (verb === 'LHLO') L.lhlo = text.slice(5).trim();
    if (verb === 'MAIL') L.from = /<([^>]*)>/.exec(text)?.[1] ?? '';
    const e: Exchange = { command: text, model: [], real: [], open: false, unread: 1 };
    if (!['MAIL', 'RCPT', 'RSET', 'NOOP'].includes(verb)) await this.lmtpSync(s, e);
    return e;
  }

  /** Mails whose refusal went through the real MX already: a retry refused again shows nothing new. */
  private readonly checkedThroughMx = new Set<string>();

  /** After an LMTP session that refused a recipient: the same delivery through the real MX (mxDelivery). */
  private async throughMx(s: Live) {
    const check = this.input.mxDelivery;
    const sent = s.lmtpMail;
    if (!check || !sent || !s.lmtpRefusals?.length || this.checkedThroughMx.has(sent.id)) return;
    this.checkedThroughMx.add(sent.id);
    const mail = this.frame!.state.mails.get(sent.id);
    if (!mail) return;
    const where = `MX ${s.info.id} (${s.info.account})`;
    const command = `the delivery of ${sent.id} through Postfix`;
    try {
      const r = await check({ from: s.lmtp.from, mail: { id: mail.id, from: mail.from, to: mail.to, subject: mail.subject }, size: sent.size, refusals: s.lmtpRefusals }, sessionTarget(s.info).generation);
      if (!r) {
        this.notCompared.set('SMTP', (this.notCompared.get('SMTP') ?? 0) + 1);
        return;
      }
      this.current!.exchanges++;
      const same = r.expected.length === r.real.length && r.expected.every((l, i) => l === r.real[i]);
      if (!same) this.disagree({ kind: 'reply', where, protocol: 'SMTP', command, diff: diffLines(r.expected, r.real, 'SMTP') });
    } catch (err) {
      this.disagree({ kind: 'replay', where, protocol: 'SMTP', command, diff: [], note: (err as Error).message });
    }
  }

  /** Read every reply still owed to this LMTP session, oldest first. */
  private async lmtpSync(s: Live, current: Exchange | null = s.exchange) {
    const w = s.wire;
    const L = s.lmtp;
    for (const e of [...s.backlog, ...(current ? [current] : [])]) {
      if (!e.unread || !w) continue;
      const n = e.unread === 'per-recipient' ? Math.max(1, L.accepted) : e.unread;
      e.unread = 0;
      for (let i = 0; i < n; i++) e.real.push(...(await readSmtpReply(w, REPLY_TIMEOUT_MS)));
      const verb = (e.command ?? '').split(/[ :]/)[0].toUpperCase();
      if (verb === 'RCPT') {
        const addr = /<([^>]*)>/.exec(e.command!)?.[1] ?? '';
        if (e.real[0]?.startsWith('250')) {
          L.rcpts.push(addr);
          L.accepted++;
        }
        const acc = this.input.accounts.find((a) => a.address.toLowerCase() === addr.toLowerCase());
        if (acc) this.dirty.add(`${sessionTarget(s.info).generation}/${acc.id}`);
      }
      if (verb === 'DATA' && e.real[0]?.startsWith('354')) L.inData = true;
      if (verb === 'RSET' || e.command === '.') {
        L.rcpts = [];
        L.accepted = 0;
      }
    }
    this.compareBacklog(s);
  }

  /** The header size the model states for a mail (what BODY[HEADER] returns), if it states one. */
  private headerOf(mail: MailLike, added: number): { bytes: number; added: number } | undefined {
    const bytes = mail.headerBytes ?? this.input.headerBytes?.(mail.sizeBytes);
    return bytes === undefined ? undefined : { bytes, added };
  }

  private async imapCommand(s: Live, w: Wire, text: string): Promise<string[]> {
    const msg = messageLine.exec(text);
    if (s.continuation) {
      s.continuation = false;
      const tag = s.openTag!;
      if (msg) {
        const mail = this.frame!.state.mails.get(msg[1]);
        const size = Number(msg[2]);
        if (!mail) {
          s.broken = `the model names mail ${msg[1]}, which its state does not know`;
          this.disagree({ kind: 'replay', where: this.where(s), protocol: 'IMAP', command: text, diff: [], note: s.broken });
          w.drop();
          return [];
        }
        w.writeRaw(Buffer.concat([buildMessage({ id: mail.id, from: mail.from, to: mail.to, subject: mail.subject }, size, this.headerOf(mail, 0)), Buffer.from('\r\n')]), text);
      } else w.writeLine(text); // DONE after IDLE
      return this.imapUntil(s, w, tag);
    }
    if (msg) {
      // The model sends a literal Dovecot did not ask for (it refused the command already).
      this.disagree({ kind: 'replay', where: this.where(s), protocol: 'IMAP', command: text, diff: [{ op: '-', text }], note: 'the model sends a literal, but Dovecot sent no "+" continuation for it; not sent' });
      return [];
    }
    const tag = text.split(' ', 1)[0];
    w.writeLine(text);
    return this.imapUntil(s, w, tag);
  }

  private async imapUntil(s: Live, w: Wire, tag: string): Promise<string[]> {
    const lines = await readImapReply(w, tag, REPLY_TIMEOUT_MS);
    const last = lines[lines.length - 1]?.text ?? '';
    if (last.startsWith('+')) {
      s.continuation = true;
      s.openTag = tag;
    } else {
      s.openTag = null;
    }
    return expandImap(lines).filter(notKeepalive);
  }

  private async readReply(s: Live, command: string | null): Promise<string[]> {
    const w = s.wire!;
    switch (s.protocol) {
      case 'POP3':
        return collapsePop3(command, await readPop3Reply(w, command, REPLY_TIMEOUT_MS));
      case 'IMAP':
        return expandImap(await readImapReply(w, null, REPLY_TIMEOUT_MS));
      default:
        return readSmtpReply(w, REPLY_TIMEOUT_MS);
    }
  }

  private async readUnasked(s: Live): Promise<string[]> {
    const w = s.wire!;
    try {
      if (s.protocol === 'IMAP') {
        let l = await readImapLine(w, UNASKED_TIMEOUT_MS);
        while (l && l.text === IDLE_KEEPALIVE) l = await readImapLine(w, UNASKED_TIMEOUT_MS);
        if (l && s.openTag && l.text.startsWith(s.openTag + ' ')) s.openTag = null;
        return l ? expandImap([l]) : [];
      }
      const l = await w.readLine(UNASKED_TIMEOUT_MS);
      return l === null ? [] : [l];
    } catch {
      return [];
    }
  }

  /** Compare the exchange in progress, taking in what Dovecot sent meanwhile unasked. */
  private finish(s: Live) {
    const e = s.exchange;
    if (!e) return;
    s.exchange = null;
    if (s.wire && !s.ended && e.open) for (let l = s.wire.takeLine(); l !== null; l = s.wire.takeLine()) if (s.protocol !== 'IMAP' || notKeepalive(l)) e.real.push(l);
    s.backlog.push(e);
    this.compareBacklog(s);
  }

  /** Compare the exchanges whose replies are all in, in order. */
  private compareBacklog(s: Live) {
    while (s.backlog.length && !s.backlog[0].unread) {
      const e = s.backlog.shift()!;
      const target = sessionTarget(s.info);
      const diff = compareReply(e.model, e.real, s.protocol, this.valuesOf(target.generation, target.account));
      if (diff) this.disagree({ kind: 'reply', where: this.where(s), protocol: s.protocol, command: e.command ?? '(connect)', diff });
    }
  }

  /**
   * The model ↔ server correspondence for one account on one server. Dovecot
   * gives UIDVALIDITY per user (two users' INBOXes made in the same second may
   * share one), the model per folder of the whole server: within one account
   * the pairing must hold, across accounts it need not.
   */
  private valuesOf(generation: number, account: string) {
    return this.mapper.within(`server${generation}`).within(account);
  }

  // ---- after a step: the server state ----------------------------------------

  private async endStep(last: FrameLike): Promise<StepResult> {
    this.frame = last;
    for (const s of this.live.values()) {
      if (s.exchange && s.wire && !s.ended && s.exchange.open && s.exchange.real.length < s.exchange.model.length) continue;
      if (s.protocol === 'LMTP') await this.lmtpSync(s);
      this.finish(s);
    }
    const generation = last.state.serverGeneration;
    for (const a of this.input.accounts) await this.compareAccount(last, generation, a, a.id);
    // During a provider move over days the new provider's mailbox is compared with its own Dovecot.
    for (const a of this.input.accounts) if (hasMailbox(last.state, `${a.id}@new`)) await this.compareAccount(last, generation + 1, a, `${a.id}@new`);
    const c = this.current!;
    return { step: c.step, time: c.time, label: c.label, exchanges: c.exchanges, disagreements: c.disagreements };
  }

  /** The model's mailbox `mailbox` of account `a` against the real one on server `generation`. */
  private async compareAccount(last: FrameLike, generation: number, a: AccountLike, mailbox: string) {
    const server = await this.serverFor(generation);
    const model = modelAccount(last.state, mailbox, a.quota);
    if (last.state.serverDown) {
      // The disk is lost and nothing is restored yet: Dovecot would make the folders anew at
      // the first login, but no one can log in to a server that is down. The model must
      // hold no folder and no message of the account then (rule 50).
      const left = describeAccount(model).filter((l) => !l.startsWith('QUOTA'));
      if (left.length) this.disagree({ kind: 'state', where: `state ${a.id} (server ${generation}, down)`, protocol: null, command: null, diff: left.map((text) => ({ op: '-' as const, text })), note: 'the server is down after a lost disk, yet the model still holds these' });
      return;
    }
    const key = `${generation}/${a.id}`;
    let real = this.lastReal.get(key);
    if (!real || this.dirty.has(key)) {
      real = await observeAccount(server.ports.imap, a.id, a.password);
      this.lastReal.set(key, real);
      this.dirty.delete(key);
    }
    const m = describeAccount(model);
    const r = describeAccount(real);
    const diff = compareReply(m, r, 'IMAP', this.valuesOf(generation, a.id));
    if (diff) this.disagree({ kind: 'state', where: `state ${mailbox} (server ${generation})`, protocol: null, command: null, diff });
  }
}

/** Does the model hold folders of this mailbox (the new provider's exists from provider.newMailbox on)? */
function hasMailbox(state: FrameLike['state'], mailbox: string): boolean {
  for (const [place] of state.folderMeta) if (place.startsWith(`server/${mailbox}/`)) return true;
  return false;
}

// ---- turning real replies into the model's shorthand ----------------------------

/** A message or its headers as the model writes them: "<message m1, 4096 octets>", "<headers of m1>". */
function describeContent(content: Buffer | string, headersOnly: boolean): string {
  const text = typeof content === 'string' ? content : content.toString('latin1');
  const head = text.split(/\r?\n\r?\n/, 1)[0];
  const id = /^Message-ID:\s*(\S+)/im.exec(head)?.[1];
  const mail = (id && mailIdFrom(id)) ?? id ?? '(no Message-ID)';
  if (headersOnly) return `<headers of ${mail}>`;
  return `<message ${mail}, ${Buffer.byteLength(text, 'latin1')} octets>`;
}

/** IMAP lines with literals written as the model writes them. */
export function expandImap(lines: readonly ImapLine[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    if (!l.literals.length) {
      out.push(l.text);
      continue;
    }
    l.parts.forEach((part, i) => {
      if (i < l.literals.length) {
        out.push(part);
        out.push(describeContent(l.literals[i], /BODY\[HEADER[^\]]*\] \{\d+\}$/.test(part)));
      } else if (part) out.push(part);
    });
  }
  return out;
}

/** POP3 RETR/TOP bodies written as the model writes them. */
export function collapsePop3(command: string | null, lines: string[]): string[] {
  if (!command || lines.length < 2 || !lines[0].startsWith('+OK') || lines[lines.length - 1] !== '.') return lines;
  const verb = command.trim().split(/\s+/)[0].toUpperCase();
  if (verb !== 'RETR' && verb !== 'TOP') return lines;
  const body = lines
    .slice(1, -1)
    .map((l) => (l.startsWith('..') ? l.slice(1) : l) + '\r\n')
    .join('');
  return [lines[0], describeContent(body, verb === 'TOP'), '.'];
}

export { diffLines, pop3IsMultiline };

// A device's connection to the server: opens a session in the transcript,
// drives the protocol machine and writes both sides' lines. Also counts the
// bytes moved, so each sync can say how long it took at the link's speed.
import { createActor, type Actor } from 'xstate';
import { pop3SessionMachine, type MaildropEntry, type Pop3Event } from '../protocol/pop3Session.machine';
import { imapSessionMachine, type ImapCommand, type ImapResult } from '../protocol/imapSession.machine';
import { imapServerPort, IMAP_GREETING } from '../server/imapServer';
import { messages, meta, pop3Uidl } from '../server/mailbox';
import { serverPlace } from '../model/places';
import type { Run } from '../run/run';
import type { SessionInfo } from '../timeline';

/** Seconds of round trip per command: what makes many small commands slow on a poor link. */
const ROUND_TRIP_SECONDS = 0.05;

export class Cost {
  bytes = 0;
  commands = 0;
  add(bytes: number): void {
    this.bytes += bytes;
    this.commands++;
  }
  seconds(linkKbps: number): number {
    return Math.round(((this.bytes * 8) / (linkKbps * 1000) + this.commands * ROUND_TRIP_SECONDS) * 100) / 100;
  }
}

export function recordSync(run: Run, device: string, cost: Cost): void {
  const linkKbps = run.device(device).config.linkKbps;
  run.apply({ op: 'sync', device, cost: { bytes: cost.bytes, seconds: cost.seconds(linkKbps), at: run.time } });
}

function lineBytes(lines: readonly string[] | (() => string[])): number {
  const list = typeof lines === 'function' ? lines() : lines;
  let n = 0;
  for (const l of list) {
    const literal = /^<(?:message \S+|headers of \S+), (\d+) octets>$/.exec(l) ?? /^<message \S+, (\d+) octets>$/.exec(l);
    n += literal ? Number(literal[1]) : l.length + 2;
  }
  return n;
}

export class Pop3Connection {
  readonly session: SessionInfo;
  private readonly actor: Actor<typeof pop3SessionMachine>;
  readonly maildrop: MaildropEntry[];
  readonly cost = new Cost();

  constructor(
    private readonly run: Run,
    device: string,
    readonly account: string,
  ) {
    const config = run.device(device).config;
    this.session = run.openSession({ protocol: 'POP3', client: device, account, tls: config.tls, port: config.tls ? 995 : 110 });
    const m = meta(run, account, 'INBOX');
    // The session's view of the maildrop is fixed when it starts (observed on Dovecot: a message
    // expunged meanwhile by IMAP is still counted; RETR answers -ERR).
    this.maildrop = messages(run, account, 'INBOX').map((c) => ({ uid: c.uid!, uidl: pop3Uidl(c.uid!, m.uidValidity), size: run.state.mails.get(c.mail)?.sizeBytes ?? 0, mail: c.mail }));
    const acc = run.account(account);
    this.actor = createActor(pop3SessionMachine, { input: { account: acc.id, password: acc.password, maildrop: this.maildrop } });
    this.actor.start();
    this.serverSays();
  }

  private serverSays(): void {
    const reply = this.actor.getSnapshot().context.reply;
    this.run.lines(this.session, 'S', reply);
    this.cost.add(lineBytes(reply));
  }

  send(event: Pop3Event, text: string): string {
    this.run.line(this.session, 'C', text);
    this.actor.send(event);
    this.serverSays();
    const reply = this.actor.getSnapshot().context.reply;
    const first = typeof reply === 'function' ? reply()[0] : reply[0];
    return first ?? '';
  }

  login(): boolean {
    const acc = this.run.account(this.account);
    this.send({ type: 'client.user', name: acc.id }, `USER ${acc.id}`);
    return this.send({ type: 'client.pass', password: acc.password }, `PASS ${acc.password}`).startsWith('+OK');
  }

  /** QUIT: in UPDATE the marked messages are removed (rule 3). Returns the removed UIDs. */
  quit(): number[] {
    this.send({ type: 'client.quit' }, 'QUIT');
    const committed = [...(this.actor.getSnapshot().context.committed ?? [])];
    // The \Recent flag belongs to the first session that saw the message (POP3 takes it too).
    const m = meta(this.run, this.account, 'INBOX');
    if ((m.recentUid ?? 1) < m.uidNext) this.run.apply({ op: 'meta', place: serverPlace(this.account, 'INBOX'), meta: { ...m, recentUid: m.uidNext } });
    return committed;
  }

  markedCount(): number {
    return this.actor.getSnapshot().context.marked.size;
  }

  /** The connection drops without QUIT: the server never enters UPDATE (rule 1). */
  drop(): void {
    this.actor.send({ type: 'connection.drop' });
    this.run.line(this.session, 'C', '<connection dropped>');
  }
}

export class ImapConnection {
  readonly session: SessionInfo;
  private readonly actor: Actor<typeof imapSessionMachine>;
  readonly cost = new Cost();

  constructor(
    private readonly run: Run,
    readonly device: string,
    readonly account: string,
  ) {
    // A client that is not one of the world's devices (the user's cleanup in webmail) uses TLS.
    const tls = run.devices.get(device)?.config.tls ?? true;
    this.session = run.openSession({ protocol: 'IMAP', client: device, account, tls, port: tls ? 993 : 143 });
    this.actor = createActor(imapSessionMachine, { input: { port: imapServerPort(run, account, device) } });
    this.actor.start();
    run.line(this.session, 'S', IMAP_GREETING);
    this.cost.add(IMAP_GREETING.length + 2);
  }

  send(command: ImapCommand): ImapResult & { ok: boolean } {
    const before = this.actor.getSnapshot().context.last;
    this.actor.send(command);
    const last = this.actor.getSnapshot().context.last;
    if (!last || last === before) throw new Error(`IMAP command not answered: ${command.type}`);
    const { client, result, tag } = last;
    this.run.line(this.session, 'C', client);
    this.cost.add(client.length + 2);
    if (result.continuation) {
      this.run.line(this.session, 'S', result.continuation.server);
      this.run.line(this.session, 'C', result.continuation.client);
      this.cost.add(lineBytes([result.continuation.client]));
    }
    const untagged = result.untagged;
    let untaggedBytes: number;
    if (typeof untagged === 'object' && 'listing' in untagged) {
      this.run.listing(this.session, untagged);
      // "* 1234 FETCH (UID 5678 FLAGS (\Seen))": estimated from the count, not written out.
      untaggedBytes = untagged.count * (30 + 2 * String(untagged.upTo).length);
    } else {
      this.run.lines(this.session, 'S', untagged);
      untaggedBytes = lineBytes(untagged);
    }
    this.run.line(this.session, 'S', `${tag} ${result.status}`);
    this.cost.add(untaggedBytes + result.status.length + tag.length + 3);
    return { ...result, ok: result.status.startsWith('OK') };
  }

  login(): boolean {
    const acc = this.run.account(this.account);
    return this.send({ type: 'client.login', user: acc.id, password: acc.password }).ok;
  }

  logout(): void {
    this.send({ type: 'client.logout' });
  }

  /** IDLE (RFC 2177): the server answers "+ idling" and may push news until DONE. */
  idle(): void {
    this.actor.send({ type: 'client.idle' });
    const last = this.actor.getSnapshot().context.last!;
    this.run.line(this.session, 'C', last.client);
    this.run.line(this.session, 'S', '+ idling');
    this.cost.add(last.client.length + 12);
  }

  /** DONE ends IDLE; the server closes the IDLE command with its tag. */
  done(): void {
    this.actor.send({ type: 'client.done' });
    const last = this.actor.getSnapshot().context.last!;
    this.run.line(this.session, 'C', 'DONE');
    this.run.line(this.session, 'S', `${last.tag} ${last.result.status}`);
    this.cost.add(last.result.status.length + 12);
  }

  get idling(): boolean {
    return this.actor.getSnapshot().matches('idling');
  }

  /** What the server pushes to this idling session about new mail (EXISTS, RECENT). Returns whether there was news. */
  hearNews(): boolean {
    const selected = this.selected;
    if (!selected || !this.idling) return false;
    const lines = this.actor.getSnapshot().context.port.notice(selected);
    this.run.lines(this.session, 'S', lines);
    this.cost.add(lines.reduce((n, l) => n + l.length + 2, 0));
    return lines.length > 0;
  }

  get selected(): string | null {
    return this.actor.getSnapshot().context.selected;
  }
}

// Sending: the device submits over SMTP (587 STARTTLS or 465 TLS); after
// "250 … queued" the server owns the message and delivers it. Keeping a copy
// is a separate matter: IMAP clients APPEND to Sent (if that fails, the mail
// is still sent and Sent lacks the copy, rule 27); POP3 clients keep sent mail
// only on the device; Bcc-to-self puts a copy in the server INBOX (rule 34).
import { devicePlace, outsidePlace, serverPlace } from '../model/places';
import type { Run } from '../run/run';
import { deliver, SERVER_HOST } from '../server/delivery';
import { ImapConnection, recordSync } from './connection';
import { pseudoId } from '../model/hash';
import { Flag } from '../model/flags';
import { findByUid, meta } from '../server/mailbox';
import { cacheEntry } from '../run/memory';

export interface OutgoingMail {
  readonly id: string;
  readonly to: readonly string[];
  readonly toAddress?: string;
  readonly subject: string;
  readonly sizeKB: number;
}

/** Mails waiting in an Outbox, with what the user asked for. */
export const OUTBOX = 'Outbox';

export function composeMail(run: Run, deviceId: string, mail: OutgoingMail, bccSelf: boolean): void {
  const dev = run.device(deviceId);
  const sender = run.account(dev.config.account);
  const recipients = mail.to.map((a) => run.account(a).address).concat(mail.toAddress ? [mail.toAddress] : []);
  run.apply({
    op: 'mail',
    info: {
      id: mail.id,
      subject: mail.subject,
      from: sender.address,
      to: recipients,
      sizeBytes: Math.round(mail.sizeKB * 1024),
      owners: [sender.id, ...mail.to.filter((a) => a !== sender.id)],
      createdAt: run.time,
    },
  });
  run.outboxOptions.set(mail.id, { to: [...mail.to, ...(bccSelf ? [sender.id] : [])], toAddress: mail.toAddress ?? null, bccSelf });
  const outbox = devicePlace(deviceId, OUTBOX);
  run.put(outbox, mail.id, { mail: mail.id, flags: Flag.Seen });
  run.transfer('copy', mail.id, null, outbox, mail.id);
  const status = run.state.devices.get(deviceId)!;
  if (!status.online || run.state.serverDown) {
    run.emit(deviceId, `${deviceId} · ${mail.id} waits in Outbox`, { key: 'send.outbox', params: { device: deviceId, mail: mail.id } });
    return;
  }
  run.emit(deviceId, `${deviceId} · write ${mail.id}`, { key: 'send.composed', params: { device: deviceId, mail: mail.id } });
  submit(run, deviceId, mail.id);
}

/** Send everything in the Outbox (on reconnect). */
export function flushOutbox(run: Run, deviceId: string): void {
  // Nothing can be submitted while the server is down: the mail keeps waiting.
  if (run.state.serverDown) return;
  for (const key of [...run.folder(devicePlace(deviceId, OUTBOX)).keys()]) submit(run, deviceId, key);
}

function submit(run: Run, deviceId: string, mailId: string): void {
  const dev = run.device(deviceId);
  const sender = run.account(dev.config.account);
  const options = run.outboxOptions.get(mailId)!;
  const info = run.state.mails.get(mailId)!;
  const port = dev.config.tls ? 465 : 587;
  const s = run.openSession({ protocol: 'SMTP', client: deviceId, account: sender.id, tls: dev.config.tls, port });
  run.line(s, 'S', `220 ${SERVER_HOST} ESMTP Postfix (Debian/GNU)`);
  run.line(s, 'C', `EHLO ${deviceId}`);
  run.lines(s, 'S', [`250-${SERVER_HOST}`, '250-PIPELINING', '250-SIZE 10240000', '250-AUTH PLAIN LOGIN', '250-ENHANCEDSTATUSCODES', '250 8BITMIME']);
  run.line(s, 'C', 'AUTH PLAIN <credentials>');
  run.line(s, 'S', '235 2.7.0 Authentication successful');
  run.line(s, 'C', `MAIL FROM:<${sender.address}>`);
  run.line(s, 'S', '250 2.1.0 Ok');
  const rcpts = [...options.to.map((a) => run.account(a).address), ...(options.toAddress ? [options.toAddress] : [])];
  for (const r of rcpts) {
    run.line(s, 'C', `RCPT TO:<${r}>`);
    run.line(s, 'S', '250 2.1.5 Ok');
  }
  run.line(s, 'C', 'DATA');
  run.line(s, 'S', '354 End data with <CR><LF>.<CR><LF>');
  run.line(s, 'C', `<message ${mailId}, ${info.sizeBytes} octets>`);
  run.line(s, 'C', '.');
  run.line(s, 'S', `250 2.0.0 Ok: queued as ${pseudoId(mailId).slice(0, 10).toUpperCase()}`);
  run.line(s, 'C', 'QUIT');
  run.line(s, 'S', '221 2.0.0 Bye');
  const outbox = devicePlace(deviceId, OUTBOX);
  const outCopy = run.copyAt(outbox, mailId);
  run.del(outbox, mailId);

  // Keep a copy: on the server (IMAP, save Sent) or on the device only.
  const onServer = dev.config.protocol === 'imap' && (dev.config.kind === 'webmail' || dev.config.imap.saveSent);
  if (!onServer) {
    const sent = devicePlace(deviceId, 'Sent');
    const { key } = run.freeKey(sent, mailId);
    run.put(sent, key, outCopy ?? { mail: mailId, flags: Flag.Seen });
    run.transfer('move', mailId, outbox, sent, key);
  } else run.transfer('delete', mailId, outbox, null, mailId);
  run.emit(deviceId, `${deviceId} · SMTP ${mailId}`, { key: onServer ? 'send.submitted' : 'send.submittedLocalSent', params: { device: deviceId, mail: mailId, port } });

  if (onServer) appendSent(run, deviceId, mailId);

  // The server's MTA delivers: local mailboxes over LMTP, others to their provider.
  if (options.to.length) deliver(run, mailId, options.to, sender.address, false, outbox);
  if (options.toAddress) {
    const place = outsidePlace(options.toAddress);
    const { key } = run.freeKey(place, mailId);
    run.put(place, key, { mail: mailId, flags: 0 });
    run.transfer('deliver', mailId, outbox, place, key);
    run.emit('mta', `MTA → ${options.toAddress} · ${mailId}`, { key: 'send.delivered.outside', params: { mail: mailId, to: options.toAddress } });
  }
  run.outboxOptions.delete(mailId);
}

function appendSent(run: Run, deviceId: string, mailId: string): void {
  const dev = run.device(deviceId);
  const conn = new ImapConnection(run, deviceId, dev.config.account);
  conn.login();
  const r = conn.send({ type: 'client.append', mailbox: 'Sent', flags: Flag.Seen, mail: mailId });
  if (r.ok) {
    const uid = Number(/APPENDUID \d+ (\d+)/.exec(r.status)?.[1]);
    const cacheMode = dev.config.kind === 'webmail' ? 'none' : dev.config.imap.cache;
    const memory = dev.memory;
    if (cacheMode !== 'none') {
      // The cache keeps what the client itself saved, as its policy says (full body or headers).
      const place = devicePlace(deviceId, 'Sent');
      const { key } = run.freeKey(place, mailId);
      const server = findByUid(run, dev.config.account, 'Sent', uid);
      run.put(place, key, { mail: mailId, flags: server?.copy.flags ?? Flag.Seen, ...(cacheMode === 'headers' ? { headersOnly: true } : {}) });
      run.transfer('copy', mailId, serverPlace(dev.config.account, 'Sent'), place, key);
      cacheEntry(memory, 'Sent', uid, { mail: mailId, localKey: key });
    } else cacheEntry(memory, 'Sent', uid, { mail: mailId, localKey: null });
    if (memory.cacheValidity.get('Sent') === undefined) memory.cacheValidity.set('Sent', meta(run, dev.config.account, 'Sent').uidValidity);
  }
  conn.logout();
  recordSync(run, deviceId, conn.cost);
  run.emit(deviceId, `${deviceId} · APPEND Sent ${mailId}`, { key: r.ok ? 'send.savedSent' : 'send.sentNotSaved', params: { device: deviceId, mail: mailId } });
}

// Sending: the device submits over SMTP (587 STARTTLS or 465 TLS); after
// "250 … queued" the server owns the message and delivers it. Keeping a copy
// is a separate matter: IMAP clients APPEND to Sent (if that fails, the mail
// is still sent and Sent lacks the copy, rule 27); POP3 clients keep sent mail
// only on the device; Bcc-to-self puts a copy in the server INBOX (rule 34).
// A device in IDLE saves to Sent over its open connection (DONE, APPEND, IDLE
// again: rule 83); any other device opens a connection for it and logs out.
import { Flag } from '../model/flags';
import { devicePlace, serverPlace } from '../model/places';
import { MailCopy } from '../model/state';
import type { ClientHost } from './host';
import { cacheEntry } from './memory';
import { openSession, releaseSession, takeSession, type IdleSlot } from './imapClient';

export interface OutgoingMail {
  readonly id: string;
  readonly to: readonly string[];
  readonly toAddress?: string;
  readonly subject: string;
  readonly sizeKB: number;
}

export const OUTBOX = 'Outbox';

export function composeMail(h: ClientHost, mail: OutgoingMail, bccSelf: boolean, idle?: IdleSlot): void {
  const id = h.device.id;
  h.compose({ id: mail.id, subject: mail.subject, to: mail.to, toAddress: mail.toAddress ?? null, sizeBytes: Math.round(mail.sizeKB * 1024) });
  h.memory.outbox.set(mail.id, { to: [...mail.to, ...(bccSelf ? [h.account.id] : [])], toAddress: mail.toAddress ?? null, bccSelf });
  const outbox = devicePlace(id, OUTBOX);
  h.put(outbox, mail.id, new MailCopy(mail.id, Flag.Seen));
  h.transfer('copy', mail.id, null, outbox, mail.id);
  if (!h.status().online || !h.serverReachable()) {
    h.report({ kind: 'composed', mail: mail.id, waits: true });
    return;
  }
  h.report({ kind: 'composed', mail: mail.id, waits: false });
  submit(h, mail.id, idle);
}

/** Send everything in the Outbox (on reconnect). */
export function flushOutbox(h: ClientHost, idle?: IdleSlot): void {
  // Nothing can be submitted while the server is down: the mail keeps waiting.
  if (!h.serverReachable()) return;
  for (const key of [...h.folder(devicePlace(h.device.id, OUTBOX)).keys()]) submit(h, key, idle);
}

function submit(h: ClientHost, mailId: string, idle: IdleSlot | undefined): void {
  const id = h.device.id;
  const options = h.memory.outbox.get(mailId);
  if (!options) return;
  const { port, refused } = h.submit(mailId, options.to, options.toAddress);
  if (refused) {
    // Not sent: the server never took the mail. It stays in the Outbox and the client shows the server's error.
    h.report({ kind: 'submitRefused', why: refused === 'size' ? 'size' : 'auth', mail: mailId, port, size: h.sizeOf(mailId) });
    return;
  }
  const outbox = devicePlace(id, OUTBOX);
  // Keep a copy: on the server (IMAP, save Sent) or on the device only.
  const onServer = h.device.protocol === 'imap' && (h.device.kind === 'webmail' || h.device.imap.saveSent);
  if (!onServer) {
    // Sent: the Outbox copy becomes the local Sent copy.
    const outCopy = h.copyAt(outbox, mailId);
    h.del(outbox, mailId);
    const sent = devicePlace(id, 'Sent');
    const { key } = h.freeKey(sent, mailId);
    h.put(sent, key, outCopy ?? new MailCopy(mailId, Flag.Seen));
    h.transfer('move', mailId, outbox, sent, key);
  }
  h.report({ kind: 'submitted', mail: mailId, port, savesOnServer: onServer });
  // Thunderbird copies the sent message from its Outbox into Sent by APPEND, then removes it from the Outbox.
  if (onServer) appendSent(h, mailId, idle);
  h.memory.outbox.delete(mailId);
  h.deliverSubmitted(mailId, options.to, options.toAddress);
}

function appendSent(h: ClientHost, mailId: string, idle: IdleSlot | undefined): void {
  const id = h.device.id;
  const outbox = devicePlace(id, OUTBOX);
  // The connection the device keeps open in IDLE, if it has one (rule 83: nsImapProtocol::ProcessCurrentURL ends IDLE and runs the APPEND on it).
  const kept = idle?.get() ? takeSession(h, idle) : null;
  const conn = kept?.conn ?? openSession(h);
  if (!conn) return;
  const r = conn.send({ type: 'client.append', mailbox: 'Sent', flags: Flag.Seen, mail: mailId, size: h.sizeOf(mailId) });
  // Sent either way: the Outbox copy goes (into Sent on the server, or nowhere if the APPEND was refused).
  h.del(outbox, mailId);
  h.transfer('delete', mailId, outbox, null, mailId);
  if (r.ok) {
    const appended = /APPENDUID (\d+) (\d+)/.exec(r.status);
    const uid = Number(appended?.[2]);
    const cacheMode = h.device.kind === 'webmail' ? 'none' : h.device.imap.cache;
    const memory = h.memory;
    if (cacheMode !== 'none') {
      // The cache keeps what the client itself saved, as its policy says (full body or headers).
      const place = devicePlace(id, 'Sent');
      const { key } = h.freeKey(place, mailId);
      h.put(place, key, { mail: mailId, flags: Flag.Seen, ...(cacheMode === 'headers' ? { headersOnly: true } : {}) });
      h.transfer('copy', mailId, serverPlace(h.account.id, 'Sent'), place, key);
      cacheEntry(memory, 'Sent', uid, mailId, key);
    } else cacheEntry(memory, 'Sent', uid, mailId, null);
    if (memory.cacheValidity.get('Sent') === undefined && appended) memory.cacheValidity.set('Sent', Number(appended[1]));
  }
  if (kept && idle) releaseSession(h, idle, kept);
  else conn.logout();
  h.recordSync(conn.cost);
  h.report({ kind: 'savedSent', mail: mailId, ok: r.ok });
}

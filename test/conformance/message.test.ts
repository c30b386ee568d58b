// Raw messages for the replay: exact stored sizes and the LMTP header length
// as observed on Dovecot 2.3.19 (one recipient: Delivered-To and "for <rcpt>";
// several: neither).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { base64EncodedBytes, buildMessage, dataBlock, lmtpAddedBytes, mailIdFrom, messageIdOf, messageWithAttachment } from '../../conformance/message';
import { collapsePop3, expandImap } from '../../conformance/replay';

describe('LMTP added headers', () => {
  it('match the lengths Dovecot 2.3.19 added', () => {
    // observed: 251 octets for one recipient, 212 for two (mail.example.org, LHLO client.example)
    expect(lmtpAddedBytes({ lhlo: 'client.example', hostname: 'mail.example.org', from: 's@ex.org', rcpts: ['alice@example.org'] })).toBe(251);
    expect(lmtpAddedBytes({ lhlo: 'client.example', hostname: 'mail.example.org', from: 'sender@example.org', rcpts: ['alice@example.org', 'dave@x.org'] })).toBe(212);
  });
});

describe('buildMessage', () => {
  it('builds every size exactly, from tiny to large', () => {
    const mail = { id: 'm1', from: 'bob@example.com', to: ['anna@example.org'], subject: 'Grüße aus München' };
    for (let n = 200; n < 400; n++) expect(buildMessage(mail, n).length).toBe(n);
    expect(buildMessage(mail, 60 * 1024).length).toBe(60 * 1024);
    expect(() => buildMessage(mail, 50)).toThrow(/cannot hold/);
  });

  it('names the model mail in its Message-ID and ends lines with CRLF', () => {
    const raw = buildMessage({ id: 'bounce-m7', from: '', to: [], subject: 'x' }, 1000).toString('latin1');
    expect(raw).toContain(`Message-ID: ${messageIdOf('bounce-m7')}\r\n`);
    expect(mailIdFrom(messageIdOf('bounce-m7'))).toBe('bounce-m7');
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('dot-stuffs the DATA block and ends it with a lone dot', () => {
    const block = dataBlock(Buffer.from('a\r\n.b\r\n')).toString();
    expect(block).toBe('a\r\n..b\r\n.\r\n');
  });
});

describe('real replies in the model\'s shorthand', () => {
  const msg = 'Return-Path: <x@y>\r\nMessage-ID: <m3@sandbox.example>\r\n\r\nbody\r\n';
  it('collapses a POP3 RETR and TOP', () => {
    const lines = ['+OK 60 octets', ...msg.split('\r\n').slice(0, -1), '.'];
    expect(collapsePop3('RETR 1', lines)).toEqual(['+OK 60 octets', `<message m3, ${msg.length} octets>`, '.']);
    expect(collapsePop3('TOP 1 0', ['+OK', 'Return-Path: <x@y>', 'Message-ID: <m3@sandbox.example>', '', '.'])).toEqual(['+OK', '<headers of m3>', '.']);
    expect(collapsePop3('RETR 9', ['-ERR There\'s no message 9.'])).toEqual(['-ERR There\'s no message 9.']);
  });

  it('writes IMAP literals as the model does', () => {
    const line = { text: `* 1 FETCH (UID 3 BODY[] {${msg.length}})`, parts: [`* 1 FETCH (UID 3 BODY[] {${msg.length}}`, ')'], literals: [Buffer.from(msg)] };
    expect(expandImap([line])).toEqual([`* 1 FETCH (UID 3 BODY[] {${msg.length}}`, `<message m3, ${msg.length} octets>`, ')']);
    const head = { text: '* 1 FETCH (BODY[HEADER] {9})', parts: ['* 1 FETCH (BODY[HEADER] {9}', ')'], literals: [Buffer.from('Message-ID: <m4@sandbox.example>\r\n\r\n')] };
    expect(expandImap([head])[1]).toBe('<headers of m4>');
  });
});

describe('header size the model states', () => {
  it('pads the header section to the stated size, LMTP headers included', () => {
    const mail = { id: 'm9', from: 'bob@example.com', to: ['anna@example.org'], subject: 'x' };
    const added = lmtpAddedBytes({ lhlo: 'mx.example.org', hostname: 'mail.example.org', from: 'bob@example.com', rcpts: ['anna@example.org'] });
    const raw = buildMessage(mail, 61440 - added, { bytes: 600, added });
    expect(raw.length).toBe(61440 - added);
    expect(raw.indexOf('\r\n\r\n') + 4 + added).toBe(600);
  });
});

describe('the encoded size of an attachment', () => {
  it("rule 67: large-attachment's 25 MB plans are the 34.2 MB message a 25,000,000-byte file makes base64-encoded", () => {
    const scenario = JSON.parse(readFileSync(path.join(__dirname, '../../scenarios/large-attachment.json'), 'utf8')) as { steps: { mail?: { id: string; sizeKB: number } }[] };
    const m1 = scenario.steps.find((s) => s.mail?.id === 'm1')!.mail!;
    const stated = Math.round(m1.sizeKB * 1024);
    // 4 characters for every 3 bytes, CRLF after every 76: 34,210,530 octets for the file alone.
    expect(base64EncodedBytes(25_000_000)).toBe(34_210_530);
    const real = messageWithAttachment({ id: 'm1', from: 'ines@example.org', to: ['anna@example.org'], subject: 'Floor plans (all storeys)' }, 25_000_000).length;
    // The model's message is the file as encoded plus its headers and MIME parts (under 2 KB of them).
    expect(stated).toBeGreaterThanOrEqual(real);
    expect(stated - base64EncodedBytes(25_000_000)).toBeLessThan(2048);
  });
});

// Step rows in the builder name a step in people's words — who, then what —
// in both languages with the glossary's terms, never by the format's names;
// a half-made step still gets a name.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createI18n } from '../../../src/ui/i18n/setup';
import { stepRowName, type StepNaming } from '../../../src/ui/sandbox/stepRowName';
import { folderName } from '../../../src/i18n/names';

const draft = JSON.parse(readFileSync('scenarios/pop3-three-devices.json', 'utf8')) as { steps: Record<string, unknown>[] };

async function naming(lang: 'de' | 'en', numbers: Record<string, string> = {}): Promise<StepNaming> {
  const i18n = await createI18n(lang);
  return { t: i18n.t, lang, draft, mailNumber: (id) => numbers[id], folder: (id) => folderName(id, i18n.t) };
}

describe('step row names', () => {
  it('a device event: the device by its label, then what happens to it', async () => {
    const en = await naming('en');
    const de = await naming('de');
    expect(stepRowName({ at: 'day 1, 10:30', do: 'device.diskFail', device: 'laptop' }, en)).toBe("Anna's laptop: disk fails");
    expect(stepRowName({ at: 'day 1, 10:30', do: 'device.diskFail', device: 'laptop' }, de)).toBe('Annas Laptop: Festplatte fällt aus');
    expect(stepRowName({ do: 'device.check', device: 'desktop' }, de)).toBe('PC im Arbeitszimmer: ruft E-Mails ab');
    expect(stepRowName({ do: 'device.configure', device: 'phone', protocol: 'imap' }, en)).toBe("Anna's phone: new IMAP account");
    expect(stepRowName({ do: 'device.configure', device: 'phone', pop3: { leaveOnServer: true } }, de)).toBe('Annas Handy: Einstellungen geändert');
    expect(stepRowName({ do: 'device.restoreBackup', device: 'laptop' }, de)).toBe('Annas Laptop: Sicherung wird zurückgespielt');
  });

  it('a mail is named as the picture numbers it, with its subject in the reader\'s language', async () => {
    const numbers = { m1: '1', m4: '4' };
    expect(stepRowName(draft.steps[0], await naming('en', numbers))).toBe('anna@example.org: message 1 "Train tickets" arrives');
    expect(stepRowName(draft.steps[0], await naming('de', numbers))).toBe('anna@example.org: Nachricht 1 „Zugtickets“ trifft ein');
    expect(stepRowName({ do: 'device.read', device: 'laptop', mail: 'm4' }, await naming('de', numbers))).toBe('Annas Laptop: liest Nachricht 4 „Fotos aus Lissabon“');
    // Before the picture knows the mail (not simulated yet): its subject alone.
    expect(stepRowName({ do: 'device.delete', device: 'phone', mail: 'm2' }, await naming('en'))).toBe('Anna\'s phone: deletes the message "Invoice 2026-114"');
  });

  it('server, provider and time events use the glossary terms', async () => {
    const en = await naming('en');
    const de = await naming('de');
    expect(stepRowName({ do: 'server.breach' }, en)).toBe('Server: break-in, an attacker copies the mailboxes');
    expect(stepRowName({ do: 'server.breach' }, de)).toBe('Server: Einbruch, ein Angreifer kopiert die Postfächer');
    expect(stepRowName({ do: 'server.freeSpace', account: 'anna', count: 1 }, de)).toBe('anna@example.org: schafft Platz, die älteste Nachricht wird endgültig gelöscht');
    expect(stepRowName({ do: 'server.freeSpace', account: 'anna', count: 3 }, en)).toBe('anna@example.org: frees space, the 3 oldest messages are expunged');
    expect(stepRowName({ do: 'mail.burst', prefix: 'b', count: 10, to: ['anna'] }, de)).toBe('anna@example.org: eine Serie von 10 Nachrichten trifft ein');
    expect(stepRowName({ do: 'provider.move', copyMailboxes: true }, de)).toBe('Anbieterwechsel, die Postfächer ziehen mit um');
    expect(stepRowName({ do: 'world.wait' }, en)).toBe('Time passes');
    // A provider move over days, step by step (rules 87–92).
    expect(stepRowName({ do: 'provider.newMailbox', copyMailboxes: true, keepUidls: true }, de)).toBe('Neuer Anbieter: Postfach angelegt, altes kopiert (UIDLs behalten)');
    expect(stepRowName({ do: 'provider.newMailbox', copyMailboxes: false }, en)).toBe('New provider: empty mailbox set up');
    expect(stepRowName({ do: 'provider.dnsSwitch', ttlHours: 24 }, en)).toBe('MX record switched to the new provider (TTL 24 h)');
    expect(stepRowName({ do: 'provider.syncMailboxes' }, de)).toBe('Noch einmal kopiert: was das alte Postfach inzwischen bekam');
    expect(stepRowName({ do: 'device.repoint', device: 'laptop' }, de)).toBe('Annas Laptop: auf den neuen Anbieter umgestellt');
    expect(stepRowName({ do: 'device.repoint', device: 'laptop' }, en)).toBe("Anna's laptop: re-pointed to the new provider");
    expect(stepRowName({ do: 'provider.contractEnd' }, en)).toBe('The old contract ends');
    expect(stepRowName({ do: 'device.move', device: 'laptop', mail: 'm9', folder: 'Archive' }, de)).toBe('Annas Laptop: verschiebt Nachricht m9 in den Ordner „Archiv“');
  });

  it('a half-made or unknown step still gets a name, and no format name leaks where words exist', async () => {
    const en = await naming('en');
    expect(stepRowName({ do: 'device.check' }, en)).toBe('checks for mail');
    expect(stepRowName({ do: 'device.check', device: 'tablet' }, en)).toBe('tablet: checks for mail');
    expect(stepRowName({ do: 'mail.arrive' }, en)).toBe('a message arrives');
    expect(stepRowName({ do: 'device.teleport' }, en)).toBe('device.teleport');
    expect(stepRowName(null, en)).toBe('a step without a kind');
    for (const step of draft.steps) expect(stepRowName(step, en)).not.toMatch(/\b(device|mail|server|provider|world)\.[a-zA-Z]+/);
  });
});

// What each built-in scenario (and each variant) teaches, in one line, and the
// facts of its outcome that prove it. The golden file catches any change; the
// proof says whether the change broke the lesson.
import { expect } from 'vitest';
import { checksOf, copiesIn, onDevice, onServer, placesOf, statusOf, usageKB, view, type Outcome } from './outcome';

export interface Lesson {
  readonly teaches: string;
  readonly proof: (o: Outcome) => void;
  /** The engine does not yet do what semantics.md says here: the proof is expected to fail until it does. */
  readonly knownGap?: string;
}

type Lessons = Record<string, { base: Lesson; variants?: Record<string, Lesson> }>;

const everywhereOnly = (o: Outcome, mail: string, device: string) => {
  expect(onDevice(o, mail, device)).toBe(true);
  expect(onServer(o, mail)).toBe(false);
};

export const LESSONS: Lessons = {
  'pop3-single-laptop': {
    base: {
      teaches: 'POP3 moves every mail onto the one laptop, leaves the server empty, keeps folders local and lets fetched mail be read offline',
      proof: (o) => {
        for (const m of ['m1', 'm2', 'm3', 'm4']) everywhereOnly(o, m, 'laptop');
        expect(placesOf(o, 'm1')).toEqual(['device/laptop/Invoices']);
        expect(usageKB(o, 'anna')).toBe(0);
      },
    },
  },
  'pop3-disk-failure': {
    base: {
      teaches: 'POP3 without a copy on the server and without a backup: the disk failure loses every mail',
      proof: (o) => expect(o.metrics.lost).toEqual(['m1', 'm2', 'm3']),
    },
    variants: {
      'with-backup': {
        teaches: 'with a nightly backup of her own, Anna gets back everything except what arrived since the last backup',
        proof: (o) => {
          expect(o.metrics.lost).toEqual(['m3']);
          expect(onDevice(o, 'm1', 'laptop') && onDevice(o, 'm2', 'laptop')).toBe(true);
        },
      },
    },
  },
  'pop3-disk-failure-copy-on-server': {
    base: {
      teaches: 'with a 14-day copy on the server a disk failure costs the laptop all mail older than 14 days, and sent mail; the older mail survives only in the backups of the provider',
      proof: (o) => {
        // rule 81: the provider's 14 daily backups still hold what left the server in the last two weeks.
        expect(o.metrics.lost).toEqual([]);
        expect(placesOf(o, 'm1')).toEqual(['backup/server/anna/INBOX']);
        expect(placesOf(o, 'm2')).toEqual(['backup/server/anna/INBOX']);
        expect(onDevice(o, 'm3', 'laptop') && onDevice(o, 'm4', 'laptop')).toBe(true);
        expect(onDevice(o, 's1', 'laptop')).toBe(false);
      },
    },
    variants: {
      'keep-forever': {
        teaches: 'with the copy kept on the server forever the whole inbox comes back; only sent mail is lost',
        proof: (o) => {
          expect(o.metrics.lost).toEqual([]);
          for (const m of ['m1', 'm2', 'm3', 'm4']) expect(onDevice(o, m, 'laptop')).toBe(true);
          expect(onDevice(o, 's1', 'laptop')).toBe(false);
        },
      },
    },
  },
  'pop3-three-devices': {
    base: {
      teaches: 'three POP3 devices split the mailbox: each has a part, none has all, webmail sees nothing',
      proof: (o) => {
        expect(view(o, 'phone')).toEqual({ shows: 1, of: 5 });
        expect(view(o, 'desktop')).toEqual({ shows: 3, of: 5 });
        expect(view(o, 'laptop')).toEqual({ shows: 1, of: 5 });
        expect(view(o, 'webmail').shows).toBe(0);
      },
    },
  },
  'pop3-household-copy-on-server': {
    base: {
      teaches: 'leave-on-server gives each device its own copy, a delete on one never reaches the other, and mail leaves the server at the shortest N',
      proof: (o) => {
        expect(onDevice(o, 'm2', 'phone')).toBe(true);
        expect(o.metrics.deletedByUser).toContain('m2');
        expect(onServer(o, 'm1')).toBe(false);
        expect(onDevice(o, 'm1', 'laptop') && onDevice(o, 'm1', 'phone')).toBe(true);
        expect(onServer(o, 'm3')).toBe(true);
      },
    },
  },
  'pop3-offline-longer-than-n': {
    base: {
      teaches: 'a copy on the server is no shared mailbox: a laptop offline longer than the phone’s 7 days misses that mail for good',
      proof: (o) => {
        expect(onDevice(o, 'm2', 'laptop') || onDevice(o, 'm3', 'laptop')).toBe(false);
        expect(view(o, 'laptop')).toEqual({ shows: 2, of: 4 });
        expect(view(o, 'phone')).toEqual({ shows: 4, of: 4 });
      },
    },
  },
  'pop3-copy-on-server-fills-quota': {
    base: {
      teaches: 'POP3 that keeps every copy on the server fills the quota like IMAP: the next mail bounces until the server is tidied',
      proof: (o) => {
        expect(o.metrics.bounced).toEqual(['m5']);
        expect(statusOf(o, 'm6')).toBe('present');
        for (const m of ['m1', 'm2', 'm3']) expect(onDevice(o, m, 'desktop')).toBe(true);
      },
    },
  },
  'imap-household': {
    base: {
      teaches: 'IMAP: read, delete and file on one device and every device and webmail shows the same; a local folder takes mail off the server, and back',
      proof: (o) => {
        expect(statusOf(o, 'm2')).toBe('deleted');
        expect(placesOf(o, 'm2')).toEqual([]);
        for (const d of ['laptop', 'phone']) expect(placesOf(o, 'm3')).toContain(`device/${d}/Travel`);
        expect(placesOf(o, 'm3')).toContain('server/anna/Travel');
        expect(placesOf(o, 'm1')).toContain('server/anna/Archive');
      },
    },
  },
  'decide-shared-mailbox': {
    base: {
      teaches: 'a shared mailbox on IMAP: both people see every mail, the folders and what the other has read',
      proof: (o) => {
        expect(view(o, 'ayse')).toEqual({ shows: 3, of: 3 });
        expect(view(o, 'jonas')).toEqual({ shows: 3, of: 3 });
        expect(placesOf(o, 'm1')).toContain('server/info/Done');
      },
    },
    variants: {
      pop3: {
        teaches: 'a shared mailbox on POP3: each person gets only what they happened to fetch first',
        proof: (o) => {
          expect(view(o, 'ayse')).toEqual({ shows: 2, of: 3 });
          expect(view(o, 'jonas')).toEqual({ shows: 1, of: 3 });
        },
      },
    },
  },
  'quota-full-bounce': {
    base: {
      teaches: 'a full IMAP mailbox refuses mail with 552 and the sender gets a bounce at once; Trash frees nothing until emptied',
      proof: (o) => {
        expect(o.metrics.bounced).toEqual(['m4', 'm5']);
        expect(placesOf(o, 'm4')).toEqual(['outside/ben@example.net']);
        expect(statusOf(o, 'm6')).toBe('present');
      },
    },
  },
  'quota-full-temporary': {
    base: {
      teaches: 'with a temporary refusal (452) the mail waits in the sender’s queue and is delivered once space is freed',
      proof: (o) => {
        expect(o.metrics.bounced).toEqual([]);
        expect(onServer(o, 'm3')).toBe(true);
      },
    },
    variants: {
      'short-queue': {
        teaches: 'if the sender’s queue gives up before space is freed, the mail bounces after all – days late',
        proof: (o) => {
          expect(o.metrics.bounced).toEqual(['m3']);
          expect(onServer(o, 'm3')).toBe(false);
        },
      },
    },
  },
  'quota-full-rcpt-check': {
    base: {
      teaches: 'refused at RCPT TO for now (rule 64: 452 through quota-status), the mail waits in the sender’s queue, never at the provider, and arrives once space is freed',
      proof: (o) => {
        expect(o.metrics.bounced).toEqual([]);
        expect(placesOf(o, 'm3')).toEqual(['device/laptop/INBOX', 'server/anna/INBOX']);
      },
    },
    variants: {
      permanent: {
        teaches: 'refused at RCPT TO for good (552), the mail goes back from the sender’s own server at once: the provider never held it',
        proof: (o) => {
          expect(o.metrics.bounced).toEqual(['m3']);
          expect(placesOf(o, 'm3')).toEqual(['outside/ben@example.net']);
        },
      },
    },
  },
  'break-in-pop3': {
    base: {
      teaches: 'a break-in under POP3 finds only the mail not yet fetched',
      proof: (o) => {
        const read = o.metrics.mails.filter((m) => m.places.some((p) => p.place === 'intruder')).map((m) => m.mail);
        expect(read).toEqual(['m4']);
      },
    },
  },
  'break-in-pop3-copy-on-server': {
    base: {
      teaches: 'a break-in under POP3 with a 14-day copy on the server reads two weeks of mail, Bcc-to-self replies included',
      proof: (o) => {
        const read = o.metrics.mails.filter((m) => m.places.some((p) => p.place === 'intruder')).map((m) => m.mail);
        expect(read.sort()).toEqual(['m1', 'm2', 'm3', 'm4', 's1']);
      },
    },
  },
  'break-in-imap': {
    base: {
      teaches: 'a break-in under IMAP reads every folder: inbox, archive, Sent and even Trash',
      proof: (o) => {
        const read = o.metrics.mails.filter((m) => m.places.some((p) => p.place === 'intruder')).map((m) => m.mail);
        expect(read.sort()).toEqual(['m1', 'm2', 'm3', 's1']);
        expect(o.metrics.exposure.places).toEqual(['server/anna/Archive', 'server/anna/INBOX', 'server/anna/Sent', 'server/anna/Trash']);
      },
    },
  },
  'provider-move-imap-copied': {
    base: {
      teaches: 'an IMAP provider move with the mailboxes copied loses nothing; the devices re-download everything',
      proof: (o) => {
        expect(o.metrics.lost).toEqual([]);
        expect(placesOf(o, 'm2')).toContain('server/anna/Archive');
        expect(placesOf(o, 's1')).toContain('server/anna/Sent');
        expect(view(o, 'laptop')).toEqual({ shows: 4, of: 4 });
      },
    },
  },
  'provider-move-imap-not-copied': {
    base: {
      teaches: 'an IMAP provider move without copying the mailboxes loses everything but what sat in a local folder',
      proof: (o) => {
        expect(o.metrics.lost).toEqual(['m1']);
        expect(placesOf(o, 's1')).toEqual(['outside/client@example.com']);
        expect(placesOf(o, 'm2')).toEqual(['device/laptop/Saved']);
      },
    },
  },
  'provider-move-over-days': {
    base: {
      teaches: 'a provider move done over days: mail that reached the old MX during the TTL window is copied again before the old contract ends, both devices are re-pointed, nothing is lost',
      proof: (o) => {
        expect(o.metrics.lost).toEqual([]);
        // After the contract's end the new provider's mailbox is the only one, under the account's plain id.
        for (const m of ['m1', 'm2', 'm3', 'm4']) expect(placesOf(o, m)).toContain('server/anna/INBOX');
        expect(placesOf(o, 'm2')).toContain('device/phone/INBOX');
        expect(placesOf(o, 'm3')).toContain('device/phone/INBOX');
        expect(view(o, 'phone')).toEqual({ shows: 4, of: 4 });
        expect(o.metrics.mails.flatMap((m) => m.places.map((p) => p.place)).filter((p) => p.includes('@new'))).toEqual([]);
      },
    },
  },
  'provider-move-cancelled-early': {
    base: {
      teaches: 'the old contract cancelled right after the TTL window: the mail that reached the old MX meanwhile, never fetched and never copied, is lost; the POP3 laptop re-pointed to a copy with new UIDLs downloads its old mail twice',
      proof: (o) => {
        expect(o.metrics.lost).toEqual(['m2']);
        expect(copiesIn(o, 'm1', 'device/laptop/Inbox')).toBe(2);
        expect(copiesIn(o, 'm3', 'device/laptop/Inbox')).toBe(1);
      },
    },
  },
  'provider-move-forgot-phone': {
    base: {
      teaches: 'with UIDLs kept by the copy the re-pointed POP3 laptop downloads nothing twice; the forgotten phone sees no new mail and is refused at login once the old contract ends',
      proof: (o) => {
        expect(o.metrics.lost).toEqual([]);
        expect(copiesIn(o, 'm1', 'device/laptop/Inbox')).toBe(1);
        expect(placesOf(o, 'm2')).toContain('device/phone/INBOX');
        // The phone's check after the contract's end downloaded nothing: its login was refused.
        const phone = checksOf(o, 'phone');
        expect(phone.find((c) => c.at === 'day 4, 08:00')?.bytes ?? 0).toBeLessThan(1000);
      },
    },
  },
  'provider-move-pop3': {
    base: {
      teaches: 'a POP3 user whose mail was all fetched changes provider by entering new credentials and loses nothing',
      proof: (o) => {
        expect(o.metrics.lost).toEqual([]);
        for (const m of ['m1', 'm2', 'm3']) expect(onDevice(o, m, 'laptop')).toBe(true);
      },
    },
  },
  'provider-move-pop3-unfetched': {
    base: {
      teaches: 'a POP3 user’s provider move loses the mail still waiting on the old server',
      proof: (o) => expect(o.metrics.lost).toEqual(['m2', 'm3']),
    },
  },
  'provider-move-pop3-duplicates': {
    base: {
      teaches: 'after a provider move the new UIDLs make a leave-on-server POP3 client download everything a second time',
      proof: (o) => {
        expect(copiesIn(o, 'm1', 'device/laptop/Inbox')).toBe(2);
        expect(copiesIn(o, 'm2', 'device/laptop/Inbox')).toBe(2);
      },
    },
  },
  'imap-offline-headers-cache': {
    base: {
      teaches: 'offline with a headers-only IMAP cache: content cannot be opened, actions queue, and another device’s earlier move wins',
      proof: (o) => {
        expect(placesOf(o, 'm1')).toEqual(['device/laptop/Archive', 'device/phone/Archive', 'server/anna/Archive']);
        expect(placesOf(o, 'm3')).toEqual([]);
        expect(onDevice(o, 'm4', 'phone')).toBe(true);
      },
    },
  },
  'imap-offline-full-cache': {
    base: {
      teaches: 'with a full IMAP cache, reading, filing, deleting and replying offline all work and are replayed when back online',
      proof: (o) => {
        expect(placesOf(o, 'm1')).toEqual(['device/laptop/Archive', 'server/anna/Archive']);
        expect(placesOf(o, 'm2')).toEqual(['device/laptop/Trash', 'server/anna/Trash']);
        expect(copiesIn(o, 'm1', 'device/laptop/Archive')).toBe(1);
        expect(copiesIn(o, 'm2', 'device/laptop/Trash')).toBe(1);
        expect(placesOf(o, 's1')).toContain('server/anna/Sent');
        expect(placesOf(o, 's1')).toContain('outside/ben@example.net');
      },
    },
  },
  'imap-big-mailbox-slow-link': {
    base: {
      teaches: 'a first full IMAP sync of 1,200 mails over 512 kbit/s takes about 20 minutes; the next check takes seconds',
      proof: (o) => {
        const [first, second] = checksOf(o, 'laptop');
        expect(first.seconds).toBeGreaterThan(1000);
        expect(second.seconds).toBeLessThan(5);
      },
    },
    variants: {
      'headers-only': {
        teaches: 'fetching only headers moves a few hundred KB instead of 70 MB and cuts the first sync to a fraction',
        proof: (o) => {
          expect(checksOf(o, 'laptop')[0].bytes).toBeLessThan(1_000_000);
          expect(checksOf(o, 'laptop')[0].seconds).toBeLessThan(300);
        },
      },
      'fast-link': {
        teaches: 'on a 50 Mbit/s link the same full first sync takes a fraction of the time',
        proof: (o) => expect(checksOf(o, 'laptop')[0].seconds).toBeLessThan(300),
      },
    },
  },
  'imap-push-idle': {
    base: {
      teaches: 'a device in IMAP IDLE is told of new mail at once; the others see it at their next check, with the read state the server keeps',
      proof: (o) => {
        for (const m of ['m1', 'm2']) expect(placesOf(o, m)).toEqual(['device/laptop/INBOX', 'device/phone/INBOX', 'server/anna/INBOX']);
        expect(view(o, 'laptop')).toEqual({ shows: 2, of: 2 });
      },
    },
  },
  'imap-check-stays-fast': {
    base: {
      teaches: 'with a cache a check costs what is new, not the mailbox size: two new mails take about as long at 1,000 mails as at 10',
      proof: (o) => {
        const [, small, , large] = checksOf(o, 'laptop');
        expect(large.seconds).toBeLessThan(small.seconds * 2);
      },
    },
  },
  'configure-pop3-to-imap': {
    base: {
      teaches: 'switching a POP3 account to IMAP is a new account: the old downloads stay in its folders on the device, the new account shows what the server holds',
      proof: (o) => {
        // rule 80: the old POP3 account's folders stay; the IMAP cache mirrors the server.
        expect(placesOf(o, 'm1')).toEqual(['device/laptop/old-pop3/Trash']);
        expect(placesOf(o, 'm2')).toEqual(['device/laptop/INBOX', 'device/laptop/old-pop3/Inbox', 'server/anna/INBOX']);
        expect(placesOf(o, 'm3')).toEqual(['device/laptop/INBOX', 'server/anna/INBOX']);
      },
    },
  },
  'sent-mail-pop3': {
    base: {
      teaches: 'POP3 keeps sent mail only on the sending computer; only a Bcc to yourself reaches the server inbox',
      proof: (o) => {
        expect(placesOf(o, 's1')).toEqual(['device/desktop/Sent', 'outside/landlord@example.com']);
        expect(onDevice(o, 's2', 'phone')).toBe(true);
        expect(onDevice(o, 's1', 'phone')).toBe(false);
      },
    },
  },
  'sent-mail-imap': {
    base: {
      teaches: 'IMAP clients store sent mail in the server’s Sent folder, where every device sees it',
      proof: (o) => {
        for (const s of ['s1', 's2']) expect(placesOf(o, s)).toContain('server/anna/Sent');
        expect(view(o, 'webmail')).toEqual({ shows: 2, of: 2 });
      },
    },
    variants: {
      'laptop-keeps-sent-locally': {
        teaches: 'a client set not to save sent mail on the server leaves Sent incomplete for every other device',
        proof: (o) => {
          expect(placesOf(o, 's1')).not.toContain('server/anna/Sent');
          expect(view(o, 'webmail')).toEqual({ shows: 1, of: 2 });
        },
      },
    },
  },
  'large-attachment': {
    base: {
      teaches: "a 25 MB attachment is a 34.2 MB message: over Postfix's default message_size_limit it is refused at MAIL FROM (552 5.3.4) and stays in the sender's Outbox",
      proof: (o) => {
        expect(placesOf(o, 'm1')).toEqual(['device/office/Outbox']);
        expect(onDevice(o, 'm1', 'laptop')).toBe(false);
      },
    },
    variants: {
      'raised-limit': {
        teaches: 'with the limit raised to 50 MB it arrives; POP3 downloads it at the check, so it opens offline and later without any transfer',
        proof: (o) => {
          expect(checksOf(o, 'laptop')[0].bytes).toBeGreaterThan(34_000_000);
          expect(onDevice(o, 'm1', 'laptop')).toBe(true);
        },
      },
      'imap-on-demand': {
        teaches: 'IMAP with a headers cache fetches the attachment only when opened: not offline, and online only after the download',
        proof: (o) => expect(checksOf(o, 'laptop')[0].bytes).toBeLessThan(100_000),
      },
      'pop3-headers-only': {
        teaches: 'POP3 set to fetch headers only loses the advantage: the attachment must be downloaded when opened',
        proof: (o) => expect(checksOf(o, 'laptop')[0].bytes).toBeLessThan(100_000),
      },
    },
  },
  'decide-phone-tablet-computer': {
    base: {
      teaches: 'one account on phone, tablet and PC: IMAP keeps every device complete',
      proof: (o) => {
        for (const d of ['phone', 'tablet', 'desktop']) expect(view(o, d)).toEqual({ shows: 3, of: 3 });
      },
    },
    variants: {
      pop3: {
        teaches: 'the same three devices on POP3 each end up with one mail of three',
        proof: (o) => {
          for (const d of ['phone', 'tablet', 'desktop']) expect(view(o, d)).toEqual({ shows: 1, of: 3 });
        },
      },
    },
  },
  'decide-offline-archive': {
    base: {
      teaches: 'offline work with a local archive on POP3: everything is on the laptop and the server stays empty',
      proof: (o) => {
        expect(usageKB(o, 'anna')).toBe(0);
        expect(placesOf(o, 'm2')).toEqual(['device/laptop/Archive']);
      },
    },
    variants: {
      imap: {
        teaches: 'IMAP with a full cache works offline too, but the archive lives on the server and uses quota',
        proof: (o) => {
          expect(placesOf(o, 'm2')).toEqual(['device/laptop/Archive', 'server/anna/Archive']);
          expect(copiesIn(o, 'm2', 'device/laptop/Archive')).toBe(1);
        },
      },
      'imap-headers': {
        teaches: 'IMAP with a headers-only cache cannot open the notes offline; the archive ends up on the server',
        proof: (o) => {
          expect(placesOf(o, 'm2')).toContain('server/anna/Archive');
          expect(copiesIn(o, 'm2', 'device/laptop/Archive')).toBe(1);
        },
      },
    },
  },
  'decide-limited-quota-one-device': {
    base: {
      teaches: 'a small quota and one device on POP3: 60 camera photos pass through and the server stays empty',
      proof: (o) => {
        expect(usageKB(o, 'shop')).toBeLessThan(1000);
        expect(o.metrics.bounced).toEqual([]);
        expect(view(o, 'desktop')).toEqual({ shows: 60, of: 60 });
      },
    },
    variants: {
      imap: {
        teaches: 'the same on IMAP: usage grows with every photo until the quota is full and the rest bounce',
        proof: (o) => {
          expect(usageKB(o, 'shop')).toBeGreaterThan(20_000);
          expect(o.metrics.bounced.length).toBe(19);
        },
      },
    },
  },
  'imap-disk-failure': {
    base: {
      teaches: 'on IMAP a device’s disk failure loses only its queued offline action; a server restore loses what came after the nightly backup',
      proof: (o) => {
        expect(o.metrics.lost).toEqual(['m3']);
        expect(placesOf(o, 'm1')).toContain('server/anna/INBOX');
        expect(onDevice(o, 'm1', 'laptop') && onDevice(o, 'm2', 'laptop')).toBe(true);
      },
    },
  },
  'server-restore-reuses-uids': {
    base: {
      teaches: 'a restored server gives a lost message’s UID again under the same UIDVALIDITY: the laptop keeps showing the lost message and never gets the new one',
      proof: (o) => {
        expect(onDevice(o, 'm3', 'laptop') && !onServer(o, 'm3')).toBe(true);
        expect(onServer(o, 'm4') && !onDevice(o, 'm4', 'laptop')).toBe(true);
      },
    },
    variants: {
      'new-uidvalidity': {
        teaches: 'with a new UIDVALIDITY after the restore the laptop drops its cache and fetches the folder again: the new message shows, the lost one is gone',
        proof: (o) => {
          expect(onDevice(o, 'm4', 'laptop')).toBe(true);
          expect(onDevice(o, 'm3', 'laptop')).toBe(false);
        },
      },
    },
  },
  'ports-and-tls': {
    base: {
      teaches: 'IMAP over 993, POP3 over 110 with STLS, submission over 465: the transcript shows which port does what',
      proof: (o) => {
        expect(onDevice(o, 'm1', 'laptop') && onDevice(o, 'm1', 'phone')).toBe(true);
        expect(placesOf(o, 's1')).toContain('server/anna/Sent');
      },
    },
    variants: {
      swapped: {
        teaches: 'the same with IMAP on 143 with STARTTLS and POP3 on 995',
        proof: (o) => expect(onDevice(o, 'm1', 'phone')).toBe(true),
      },
      'no-encryption': {
        teaches: 'devices set up without encryption are refused (LOGIN: [PRIVACYREQUIRED], USER: -ERR [AUTH], no AUTH on 587 before STARTTLS): nothing is fetched and the reply stays in the Outbox',
        proof: (o) => {
          expect(onDevice(o, 'm1', 'laptop') || onDevice(o, 'm1', 'phone')).toBe(false);
          expect(placesOf(o, 's1')).toEqual(['device/laptop/Outbox']);
        },
      },
    },
  },
  'pop3-defaults-laptop-and-iphone': {
    base: {
      teaches: "with today's POP3 defaults (Thunderbird, iPhone) every device gets every mail and the server keeps it: Thunderbird removes its copy 14 days after download or at the next check after a local delete, the iPhone never",
      proof: (o) => {
        // rules 5–7: both devices fetched everything; the server lost only what Thunderbird deleted or kept 14 days.
        for (const m of ['m1', 'm3']) expect(onDevice(o, m, 'laptop') && onDevice(o, m, 'iphone'), m).toBe(true);
        expect(onDevice(o, 'm2', 'iphone')).toBe(true);
        expect(onServer(o, 'm1')).toBe(false);
        expect(onServer(o, 'm2')).toBe(false);
        expect(onServer(o, 'm3')).toBe(true);
        expect(o.metrics.lost).toEqual([]);
      },
    },
  },
  'outlook-and-iphone-pop3': {
    base: {
      teaches: 'Outlook set to delete after download (its documented default only for Outlook 2002/2003) takes every mail before the iPhone checks: the iPhone gets nothing',
      proof: (o) => {
        expect(onDevice(o, 'm1', 'pc')).toBe(true);
        expect(onDevice(o, 'm1', 'iphone') || onDevice(o, 'm2', 'iphone')).toBe(false);
        expect(onServer(o, 'm1') || onServer(o, 'm2')).toBe(false);
      },
    },
    variants: {
      'keep-14-days': {
        teaches: "Outlook keeping a copy for 14 days: the iPhone gets every mail, a delete in Outlook never reaches the server, and Outlook's 14 days remove the rest",
        proof: (o) => {
          expect(onDevice(o, 'm1', 'iphone') && onDevice(o, 'm2', 'iphone')).toBe(true);
          expect(onServer(o, 'm1') || onServer(o, 'm2')).toBe(false);
        },
      },
      'deleted-items': {
        teaches: 'rule 8: Outlook removing the copy when Deleted Items is emptied: a delete into Deleted Items does nothing on the server, emptying it does at the next check, and the rest stays on the server',
        proof: (o) => {
          expect(onDevice(o, 'm1', 'iphone') && onDevice(o, 'm2', 'iphone')).toBe(true);
          expect(onServer(o, 'm2')).toBe(false);
          expect(onServer(o, 'm1')).toBe(true);
        },
      },
    },
  },
  'pop3-connection-drops': {
    base: {
      teaches: 'rule 1: DELE then a dropped connection removes nothing; the next complete check deletes again and its QUIT commits',
      proof: (o) => {
        expect(onServer(o, 'm1')).toBe(false);
        expect(statusOf(o, 'm1')).toBe('present');
        expect(o.metrics.lost).toEqual([]);
      },
    },
  },
  'pop3-mailbox-in-use': {
    base: {
      teaches: 'rule 11: with the session lock a second POP3 check at the same moment is refused with [IN-USE]; nothing is lost, the phone gets everything at its next check',
      proof: (o) => {
        // The phone's first check that got through is the one at 09:15, and it downloaded both mails then.
        expect(checksOf(o, 'iphone').map((c) => c.at)).toEqual(['day 1, 09:15']);
        expect(checksOf(o, 'iphone')[0].bytes).toBeGreaterThan(100 * 1024);
        for (const m of ['m1', 'm2']) expect(placesOf(o, m)).toEqual(['device/iphone/Inbox', 'device/laptop/Inbox', 'server/anna/INBOX']);
      },
    },
    variants: {
      'no-lock': {
        teaches: "rule 11: without the lock (Dovecot's default) both sessions run at once: the phone already has both mails before its 09:15 check",
        proof: (o) => {
          expect(checksOf(o, 'iphone')[0].bytes).toBeLessThan(1024);
          for (const m of ['m1', 'm2']) expect(onDevice(o, m, 'iphone')).toBe(true);
        },
      },
    },
  },
  'imap-mark-as-deleted': {
    base: {
      teaches: 'rule 14: a mail only marked as deleted stays on the server and counts against the quota, so the next mail bounces until an expunge frees the space',
      proof: (o) => {
        expect(statusOf(o, 'm4')).toBe('bounced');
        expect(onServer(o, 'm1')).toBe(false);
        expect(onServer(o, 'm5')).toBe(true);
      },
    },
  },
  'imap-full-mailbox-cannot-delete': {
    base: {
      teaches: 'rules 28 and 32: at a full quota a COPY-based delete to Trash is refused with OVERQUOTA and the APPEND to Sent is refused, while the sent mail itself goes out',
      proof: (o) => {
        expect(placesOf(o, 'm1')).toEqual(['device/laptop/INBOX', 'server/anna/INBOX']);
        expect(placesOf(o, 's1')).toEqual(['outside/architect@example.com']);
        expect(usageKB(o, 'anna')).toBe(5200);
      },
    },
    variants: {
      'with-move': {
        teaches: 'rule 28: with MOVE the delete to Trash succeeds at the limit, but frees nothing; Sent still cannot take the copy',
        proof: (o) => {
          expect(placesOf(o, 'm1')).toContain('server/anna/Trash');
          expect(placesOf(o, 's1')).toEqual(['outside/architect@example.com']);
          expect(usageKB(o, 'anna')).toBe(5200);
        },
      },
    },
  },
};

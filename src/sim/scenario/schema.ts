// The scenario file format. One zod schema is the single source of truth: it
// validates files, gives the TypeScript types, and emits the JSON Schema that
// every scenario file references with "$schema" (scenarios/scenario.schema.json).
import { z } from 'zod';
import { parseTime } from './time';
import { Questions } from '../questions/schema';
import { ImapGiven, Pop3Given } from './policies';
import { resolveDeviceSettings } from './settings';
import { PROFILE_IDS } from '../profiles/types';

/** Text a learner reads: always both languages. */
export const Text = z
  .object({
    de: z.string().min(1, 'German text is empty'),
    en: z.string().min(1, 'English text is empty'),
  })
  .strict()
  .describe('A text in German (de) and English (en).');
export type Text = z.infer<typeof Text>;

const Id = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, 'an id is 1-32 characters: lower-case letters, digits and "-", starting with a letter');

const MailId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, 'a mail id is 1-32 characters: lower-case letters, digits and "-", starting with a letter (e.g. "m1")');

const Time = z
  .string()
  .refine((s) => parseTime(s) !== null, { message: 'a time is written like "day 2, 08:00" (day 1 or later, 00:00-23:59)' })
  .describe('When the step happens, e.g. "day 2, 08:00".');

const FolderName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9 _-]{0,31}$/, 'a folder name is 1-32 letters, digits, spaces, "_" or "-"');

/** A custom folder: a plain name (id and display name alike) or an id with a name in both languages. */
export const CustomFolder = z
  .union([
    FolderName,
    z
      .object({
        id: FolderName.describe('What steps and the server call the folder (IMAP folder names are not translated).'),
        name: Text.describe('What the reader sees.'),
      })
      .strict(),
  ])
  .describe('A folder name, or { "id": "Travel", "name": { "de": "Reisen", "en": "Travel" } }.');
export type CustomFolder = z.infer<typeof CustomFolder>;

/** A mail subject: one string for both languages (real subjects often have one language) or { de, en }; the protocol carries the English one. */
export const Subject = z
  .union([z.string().min(1).max(120), Text])
  .describe('A subject, or { "de": "Zugtickets", "en": "Train tickets" } (the protocol carries the English one).');
export type Subject = z.infer<typeof Subject>;

export const ClaimId = z.string().regex(/^(P|I|D)\d{1,2}$/, 'a claim id looks like P9, I2 or D1');

export const Quota = z
  .object({
    storageKB: z.number().int().positive().optional().describe('Storage limit in KB (1 KB = 1024 bytes).'),
    messages: z.number().int().positive().optional().describe('Message-count limit.'),
  })
  .strict();

export const Server = z
  .object({
    name: z.string().min(1).max(40).default('mail.example.org'),
    country: z.string().min(2).max(40).default('DE').describe('Where the server stands. For a provider established in the EU the GDPR applies wherever this is (Art. 3); the location matters for transfers abroad (Chapter V) and foreign access laws (claim D6).'),
    quotaGracePercent: z.number().min(0).max(100).default(10).describe('Dovecot quota_grace: the message crossing the limit is still accepted while usage stays within limit + grace.'),
    quotaFull: z.enum(['permanent', 'temporary']).default('permanent').describe('Over-quota delivery: permanent = 552 5.2.2 and an immediate bounce (Dovecot default); temporary = 452 4.2.2, the sender retries (quota_full_tempfail=yes).'),
    quotaCheck: z.enum(['lmtp', 'rcpt']).default('lmtp').describe("Where a full mailbox refuses mail: lmtp = after the provider's MX accepted it, over LMTP (the MX queues or bounces it; the usual Postfix → LMTP → Dovecot setup); rcpt = at RCPT TO, the MX asking Dovecot's quota-status policy service (Postfix check_policy_service), so the sending server keeps the mail in its own queue or returns it itself."),
    queueLifetimeDays: z.number().int().min(1).max(30).default(5).describe("How long the provider's MX keeps a deferred mail before it returns it to the sender (Postfix maximal_queue_lifetime, default 5 days)."),
    retryEveryMinutes: z.number().int().min(5).max(1440).optional().describe("A fixed retry interval for deferred mail instead of Postfix's backoff (a simplification); left out, the MX retries as Postfix does (queueRunDelaySeconds, minimalBackoffSeconds, maximalBackoffSeconds)."),
    queueRunDelaySeconds: z.number().int().min(60).max(86_400).multipleOf(60).default(300).describe('Postfix queue_run_delay (default 300 s): how often the queue manager looks into the deferred queue; whole minutes here.'),
    minimalBackoffSeconds: z.number().int().min(1).max(86_400).default(300).describe('Postfix minimal_backoff_time (default 300 s): the shortest wait before a deferred mail is tried again.'),
    maximalBackoffSeconds: z.number().int().min(1).max(86_400).default(4000).describe('Postfix maximal_backoff_time (default 4000 s): the longest wait; in between, the wait is the mail\'s time in the queue, so it doubles.'),
    bounceQueueLifetimeDays: z.number().int().min(1).max(30).default(5).describe('Postfix bounce_queue_lifetime (default 5 days): how long a bounce (empty envelope sender) that cannot be delivered is kept.'),
    backup: z.enum(['none', 'daily']).default('daily').describe("The operator's backup of the server, taken every night at 02:00."),
    messageSizeLimit: z.number().int().min(1024).max(2_147_483_647).default(10_240_000).describe("Postfix message_size_limit in bytes (default 10240000), advertised as SIZE in EHLO and checked against the message as sent: attachments base64-encoded, about 4/3 of their size."),
    backupDays: z.number().int().min(1).max(365).default(14).describe('How many daily backup generations the provider keeps (one per night); a restore can name any kept day.'),
    uidValidityAfterRestore: z
      .enum(['kept', 'new'])
      .default('kept')
      .describe("What the operator does after restoring the backup: 'kept' leaves each folder the backup's UIDVALIDITY and UIDNEXT, as Dovecot has them after a file restore (UIDs given after the backup are given again); 'new' then sets a new UIDVALIDITY on every folder (doveadm mailbox update --uid-validity), so IMAP clients drop their caches and fetch again."),
    pop3LockSession: z.boolean().default(false).describe('Dovecot pop3_lock_session (default off): while one POP3 session of an account is logged in, a second one is refused at PASS with -ERR [IN-USE]. Two sessions overlap only in a check step with "meanwhile".'),
  })
  .strict();

export const Account = z
  .object({
    id: Id.describe('The login name, e.g. "alice".'),
    address: z.string().regex(/^[^\s@<>]+@[^\s@<>]+$/, 'an address looks like alice@example.org'),
    password: z.string().regex(/^[A-Za-z0-9]{1,32}$/, 'a password is 1-32 letters and digits').default('secret'),
    quota: Quota.optional().describe('No quota when left out.'),
  })
  .strict();

export { Pop3Policy, ImapPolicy, Pop3Given, ImapGiven } from './policies';

export const DeviceKind = z.enum(['desktop', 'laptop', 'phone', 'tablet', 'webmail']);

const DeviceFields = z
  .object({
    id: Id,
    kind: DeviceKind,
    label: Text.optional().describe('What the picture calls it, e.g. "Anna\'s phone".'),
    account: Id.describe('The account (login) this device uses.'),
    protocol: z.enum(['pop3', 'imap']),
    profile: z.enum(PROFILE_IDS).optional().describe("The mail client this device runs: settings the scenario leaves out get that client's real defaults. Without one, the model's defaults apply (not every one is a current client's default)."),
    pop3: Pop3Given.optional(),
    imap: ImapGiven.optional(),
    tls: z
      .union([z.boolean(), z.enum(['implicit', 'starttls', 'none'])])
      .default(true)
      .describe('Connection security: implicit (TLS from the start on 993/995/465; true means this), starttls (ports 143/110/587, STARTTLS/STLS before login; false means this) or none (no encryption: a production server refuses the login).'),
    online: z.boolean().default(true),
    backup: z.enum(['none', 'daily']).default('none').describe("The device's own backup, taken every night at 01:00."),
    linkKbps: z.number().int().min(8).max(10_000_000).default(50_000).describe('Link speed in kbit/s, for the time a sync takes.'),
    checkEveryMinutes: z.number().int().min(5).max(10_080).nullable().optional().describe('Check for mail automatically this often (null: only when a step says so). Left out: the profile\'s default, else null.'),
    localFolders: z.array(CustomFolder).max(12).default([]).describe('Extra local folders on this device.'),
  })
  .strict();

/** A device with every setting resolved (scenario, else profile, else the model's default). */
export const Device = DeviceFields.transform((d, ctx) => {
  const { settings, missing } = resolveDeviceSettings(d);
  for (const m of missing) ctx.issues.push({ code: 'custom', message: m.message, path: [...m.path], input: d });
  const { profile, pop3: _p, imap: _i, checkEveryMinutes: _c, ...rest } = d;
  void _p;
  void _i;
  void _c;
  return {
    id: rest.id,
    kind: rest.kind,
    ...(rest.label ? { label: rest.label } : {}),
    account: rest.account,
    protocol: rest.protocol,
    ...(profile ? { profile } : {}),
    pop3: settings.pop3,
    imap: settings.imap,
    tls: rest.tls,
    online: rest.online,
    backup: rest.backup,
    linkKbps: rest.linkKbps,
    checkEveryMinutes: settings.checkEveryMinutes,
    localFolders: rest.localFolders,
  };
});
export type Device = z.infer<typeof Device>;

export const World = z
  .object({
    server: Server.default(Server.parse({})),
    accounts: z.array(Account).min(1).max(8),
    folders: z.array(CustomFolder).max(12).default([]).describe('Extra server folders (every account gets them), besides INBOX, Sent, Drafts, Trash, Archive.'),
    devices: z.array(Device).min(0).max(8),
  })
  .strict();
export type World = z.infer<typeof World>;

const MailSpec = z
  .object({
    id: MailId,
    from: z.string().regex(/^[^\s@<>]+@[^\s@<>]+$/, 'an address looks like bob@example.com'),
    to: z.array(Id).min(1).max(8).describe('Receiving accounts (their ids).').optional(),
    toAddress: z.string().regex(/^[^\s@<>]+@[^\s@<>]+$/).optional().describe('For sent mail to someone outside.'),
    subject: Subject,
    sizeKB: z.number().min(1).max(100_000).default(4),
  })
  .strict();

const common = { at: Time, note: Text.optional().describe('What happens in this step and why, for the learner.') };
const deviceRef = { device: Id };

export const Step = z.discriminatedUnion('do', [
  z.object({ ...common, do: z.literal('mail.arrive'), mail: MailSpec.extend({ to: z.array(Id).min(1).max(8) }) }).strict(),
  z
    .object({
      ...common,
      do: z.literal('mail.burst'),
      prefix: MailId.describe('Mail ids become PREFIX1, PREFIX2, …'),
      count: z.number().int().min(1).max(20_000),
      everyMinutes: z.number().int().min(1).max(10_080).default(60),
      from: z.string().regex(/^[^\s@<>]+@[^\s@<>]+$/),
      to: z.array(Id).min(1).max(8),
      sizeKB: z.number().min(1).max(100_000).default(4),
    })
    .strict(),
  z
    .object({
      ...common,
      ...deviceRef,
      do: z.literal('device.check'),
      dropBeforeQuit: z.boolean().default(false).describe('POP3: the connection drops before QUIT (a flaky link): the server never enters UPDATE, nothing marked is removed.'),
      meanwhile: Id.optional().describe('POP3: another device checks the same account while this session is logged in (two checks at once). With server.pop3LockSession that device is refused with -ERR [IN-USE] and tries again at its next check.'),
    })
    .strict(),
  z.object({ ...common, ...deviceRef, do: z.literal('device.read'), mail: MailId }).strict(),
  z.object({ ...common, ...deviceRef, do: z.literal('device.open'), mail: MailId }).strict().describe('Open a mail with its attachment: shows whether it must be downloaded first.'),
  z.object({ ...common, ...deviceRef, do: z.literal('device.delete'), mail: MailId }).strict(),
  z.object({ ...common, ...deviceRef, do: z.literal('device.emptyTrash') }).strict(),
  z.object({ ...common, ...deviceRef, do: z.literal('device.move'), mail: MailId, folder: FolderName, local: z.boolean().default(false).describe('Move to a local folder on the device (not on the server).') }).strict(),
  z
    .object({
      ...common,
      ...deviceRef,
      do: z.literal('device.send'),
      mail: MailSpec.omit({ from: true }).extend({ to: z.array(Id).max(8).default([]) }),
      bccSelf: z.boolean().default(false),
    })
    .strict(),
  z.object({ ...common, ...deviceRef, do: z.literal('device.goOffline') }).strict(),
  z.object({ ...common, ...deviceRef, do: z.literal('device.goOnline') }).strict(),
  z.object({ ...common, ...deviceRef, do: z.literal('device.diskFail') }).strict(),
  z.object({ ...common, ...deviceRef, do: z.literal('device.restoreBackup') }).strict(),
  z
    .object({
      ...common,
      ...deviceRef,
      do: z.literal('device.configure'),
      protocol: z.enum(['pop3', 'imap']).optional().describe('Switch protocol. Real clients cannot change an account\'s protocol: this is a new account (see docs/rules.md).'),
      profile: z.enum(PROFILE_IDS).optional().describe('Another mail client on this device: a new account there, with its defaults.'),
      pop3: Pop3Given.optional(),
      imap: ImapGiven.optional(),
      checkEveryMinutes: z.number().int().min(5).max(10_080).nullable().optional(),
      linkKbps: z.number().int().min(8).max(10_000_000).optional(),
      backup: z.enum(['none', 'daily']).optional(),
    })
    .strict()
    .describe('A setting changed from now on; it takes effect at the next check. A protocol or profile switch is a new account.'),
  z.object({ ...common, do: z.literal('server.breach') }).strict(),
  z.object({ ...common, do: z.literal('server.diskFail') }).strict(),
  z
    .object({
      ...common,
      do: z.literal('server.restoreBackup'),
      day: z.number().int().min(1).max(3650).optional().describe('The day whose nightly backup (taken at 02:00) is restored; left out: last night\'s.'),
    })
    .strict(),
  z.object({ ...common, do: z.literal('server.freeSpace'), account: Id, count: z.number().int().min(1).max(10_000) }).strict().describe('The user (or admin) expunges the N oldest mails of the account to free space.'),
  z.object({ ...common, do: z.literal('provider.move'), copyMailboxes: z.boolean() }).strict(),
  z
    .object({
      ...common,
      do: z.literal('provider.newMailbox'),
      copyMailboxes: z.boolean().describe('Fill the new mailbox with a copy of every folder of the old one (else it starts empty).'),
      keepUidls: z.boolean().default(false).describe('The copy keeps UIDs and UIDVALIDITY (a dsync migration), so POP3 UIDLs stay the same; without it the copy is imapsync-style, with new UIDs.'),
    })
    .strict()
    .describe('A move over days begins: the new provider sets up a mailbox for every account. Devices and the MX still point at the old provider.'),
  z
    .object({ ...common, do: z.literal('provider.dnsSwitch'), ttlHours: z.number().min(0.1).max(168).describe("The MX record's TTL in hours: how long a sending server's resolver may still use the old record.") })
    .strict()
    .describe('The MX record is switched to the new provider; for TTL hours a mail reaches either MX.'),
  z
    .object({ ...common, do: z.literal('provider.syncMailboxes') })
    .strict()
    .describe('imapsync again: copies to the new mailbox what the old one has and the new one lacks (mail that reached the old MX meanwhile), with new UIDs.'),
  z.object({ ...common, ...deviceRef, do: z.literal('device.repoint') }).strict().describe("The user enters the new provider's server names in this device's account."),
  z.object({ ...common, do: z.literal('provider.contractEnd') }).strict().describe('The old contract ends: the old mailbox and its backups are deleted; a device still pointed there is refused at login.'),
  z.object({ ...common, do: z.literal('world.wait') }).strict().describe('Nothing happens but time passing (scheduled checks, retries and backups run).'),
]);
export type Step = z.infer<typeof Step>;

type Overrides<S extends z.ZodRawShape> = { [K in keyof S]: z.ZodOptional<S[K] extends z.ZodDefault<infer Inner> ? Inner : S[K]> };

/**
 * Every field optional and without its default. (zod 4's `.partial()` keeps
 * defaults, so a variant naming one field would silently reset every other
 * field to its default; a variant must change only what it names.)
 */
function overridesOf<S extends z.ZodRawShape>(schema: z.ZodObject<S>) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [key, z.optional(field instanceof z.ZodDefault ? field.unwrap() : field)]),
  );
  return z.object(shape as Overrides<S>).strict();
}

/** A variant overrides world settings by id: the same story under other settings. */
export const Variant = z
  .object({
    title: Text,
    server: overridesOf(Server).optional(),
    accounts: z.record(Id, overridesOf(Account)).optional(),
    devices: z
      .record(
        Id,
        overridesOf(DeviceFields.omit({ pop3: true, imap: true }))
          .extend({ pop3: Pop3Given.optional(), imap: ImapGiven.optional() })
          .strict(),
      )
      .optional(),
  })
  .strict();
export type Variant = z.infer<typeof Variant>;

export const Topic = z.enum(['devices', 'failure', 'quota', 'security', 'migration', 'offline', 'sending', 'performance', 'sharing', 'decision']);

export const Scenario = z
  .object({
    $schema: z.string().optional(),
    id: Id,
    title: Text,
    summary: Text,
    claims: z.array(ClaimId).default([]),
    counterTo: z.array(ClaimId).default([]).describe('Claims this scenario shows breaking under some setting.'),
    topics: z.array(Topic).default([]),
    world: World,
    steps: z.array(Step).max(5000),
    variants: z.record(Id, Variant).default({}),
    questions: Questions,
  })
  .strict();
export type ScenarioInput = z.input<typeof Scenario>;
export type Scenario = z.infer<typeof Scenario>;

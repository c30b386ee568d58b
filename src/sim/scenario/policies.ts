// A device's POP3 and IMAP settings as the format names them. The schemas carry
// no defaults: a scenario that leaves a setting out gets it from the device's
// client profile, else from the model's default (scenario/settings.ts is the
// one place that decides), so "not given" stays distinguishable from "given".
import { z } from 'zod';

export const Pop3Policy = z
  .object({
    leaveOnServer: z.boolean().describe('Leave a copy of each message on the server.'),
    deleteAfterDays: z
      .number()
      .int()
      .min(1)
      .max(3650)
      .nullable()
      .describe('With leaveOnServer: remove from the server N days after first download (Thunderbird "For at most N days", Outlook "Remove from server after N days"); null: keep.'),
    deleteOnServerWhen: z
      .enum(['never', 'deletedLocally', 'deletedFromTrash'])
      .describe('With leaveOnServer: when a local delete reaches the server at the next check. deletedLocally = Thunderbird "Until I delete them"; deletedFromTrash = Outlook "Remove when deleted from Deleted Items".'),
    headersOnly: z.boolean().describe('Fetch headers only (TOP n 0); bodies are downloaded when the user opens a mail.'),
  })
  .strict();
export type Pop3Policy = z.infer<typeof Pop3Policy>;

export const ImapPolicy = z
  .object({
    cache: z.enum(['none', 'headers', 'full']).describe('Offline cache: none (online only), headers (envelopes, bodies on demand) or full (every message body).'),
    deleteAction: z.enum(['trash', 'mark', 'expunge']).describe('Delete moves to Trash, marks as deleted, or removes at once.'),
    saveSent: z.boolean().describe('Save a copy of sent mail in the server Sent folder (APPEND).'),
    useMove: z.boolean().describe('Client uses the MOVE command (RFC 6851); without it, it moves by COPY + \\Deleted + EXPUNGE.'),
    idle: z.boolean().describe('Keep an IDLE connection on INBOX: new mail appears at once.'),
  })
  .strict();
export type ImapPolicy = z.infer<typeof ImapPolicy>;

/** The settings a scenario gives: each one optional, none with a default. */
export const Pop3Given = Pop3Policy.partial().describe('POP3 settings. Each one left out comes from the device\'s profile, else from the model\'s default.');
export const ImapGiven = ImapPolicy.partial().describe('IMAP settings. Each one left out comes from the device\'s profile, else from the model\'s default.');
export type Pop3Given = z.infer<typeof Pop3Given>;
export type ImapGiven = z.infer<typeof ImapGiven>;

// The model's defaults as plain data, apart from the zod schemas in policies.ts:
// the run reads them for every device, and the embed must not load the
// validator (zod) just to play a built-in scenario.
import type { ImapPolicy, Pop3Policy } from './policies';

/**
 * The model's defaults: what a device without a profile gets for a setting the
 * scenario leaves out. Not every one is a real client's default (a POP3 client
 * that deletes on download is not one any more); settingsView() says so.
 */
export const MODEL_POP3: Pop3Policy = { leaveOnServer: false, deleteAfterDays: null, deleteOnServerWhen: 'deletedLocally', headersOnly: false };
export const MODEL_IMAP: ImapPolicy = { cache: 'full', deleteAction: 'trash', saveSent: true, useMove: true, idle: false };
export const MODEL_CHECK_EVERY_MINUTES: number | null = null;

// What a mail client (IMAP or POP3) did, as facts: the client reports them, and the
// recorder's narration writer (src/sim/recorder/narrateClient.ts) turns each
// into a frame's label and narration, in one place. The client's logic says
// what happened; it does not choose words or i18n keys.

/** Why a device could not reach the server. */
export type Unreachable = 'diskFailed' | 'offline' | 'serverDown';

export type ClientFact =
  | {
      readonly kind: 'cannotConnect';
      readonly why: Unreachable;
      /** The key that tells "offline" for this action (a check and opening a mail say it differently). */
      readonly offlineKey: string;
      readonly params: Readonly<Record<string, string | number>>;
    }
  | { readonly kind: 'starttlsRefused'; readonly protocol: 'imap' | 'pop3' }
  | { readonly kind: 'loginRefused'; readonly protocol: 'imap' | 'pop3'; readonly plaintext: boolean; readonly port: number }
  /** POP3 PASS refused with [IN-USE]: another session holds the maildrop lock (rule 11). */
  | { readonly kind: 'pop3Locked' }
  | { readonly kind: 'cached'; readonly part: 'header' | 'body'; readonly uid: number; readonly mail: string; readonly folder: string }
  | { readonly kind: 'uidValidityChanged'; readonly folder: string; readonly dropped: number }
  | { readonly kind: 'flagsSynced'; readonly folder: string }
  | { readonly kind: 'folderSynced'; readonly folder: string; readonly cacheless: boolean; readonly count: number; readonly fresh: number }
  /** A check ended: logged out, left open in IDLE (newly, or again after running over the open connection), or kept for the next action (rule 95). */
  | { readonly kind: 'checked'; readonly ending: 'logout' | 'idleStart' | 'idleAgain' | 'kept'; readonly fetched: number; readonly bytes: number; readonly seconds: number }
  | { readonly kind: 'idlePush'; readonly fetched: number }
  /** What the server pushed in IDLE about another session's change (rule 86): expunged mails, else how many messages' flags changed. */
  | { readonly kind: 'idleNews'; readonly expunged: readonly string[]; readonly flagged: number; readonly fetched: number }
  | { readonly kind: 'replayed'; readonly action: 'flag' | 'move' | 'expunge'; readonly existed: boolean; readonly mail: string; readonly folder: string; readonly to: string }
  | { readonly kind: 'notOnServer'; readonly mail: string }
  | { readonly kind: 'notCached'; readonly mail: string; readonly diskFailed: boolean }
  | { readonly kind: 'readOffline'; readonly mail: string; readonly size: number; readonly opening: boolean }
  | { readonly kind: 'openedCached'; readonly mail: string; readonly size: number }
  | { readonly kind: 'readOnline'; readonly mail: string; readonly size: number; readonly seconds: number; readonly opening: boolean }
  | { readonly kind: 'deleted'; readonly how: 'trash' | 'refused' | 'mark' | 'expunge'; readonly mail: string; readonly folder: string }
  | { readonly kind: 'queued'; readonly action: 'flag' | 'move' | 'expunge'; readonly mail: string; readonly folder: string; readonly to: string }
  | { readonly kind: 'queuedLocal'; readonly mail: string; readonly folder: string }
  | { readonly kind: 'moved'; readonly how: 'local' | 'server' | 'refused'; readonly mail: string; readonly folder: string }
  | { readonly kind: 'uploaded'; readonly ok: boolean; readonly mail: string; readonly folder: string }
  | { readonly kind: 'trashEmptied'; readonly count: number }
  // POP3 (pop3Client.ts)
  | { readonly kind: 'pop3Listed'; readonly total: number; readonly fresh: number }
  /** A new message downloaded (RETR) or its headers (TOP); `deletedNow`: DELE right after it. */
  | { readonly kind: 'pop3Downloaded'; readonly n: number; readonly mail: string; readonly headersOnly: boolean; readonly deletedNow: boolean; readonly duplicate: boolean }
  | { readonly kind: 'pop3Deleted'; readonly why: string; readonly n: number; readonly mail: string; readonly days: number }
  | { readonly kind: 'pop3Dropped'; readonly marked: number }
  | { readonly kind: 'pop3Quit'; readonly removed: number; readonly seconds: number }
  | { readonly kind: 'notOnDevice'; readonly mail: string }
  | { readonly kind: 'pop3ReadLocal'; readonly mail: string; readonly size: number; readonly opening: boolean }
  | { readonly kind: 'pop3BodyGone'; readonly mail: string }
  | { readonly kind: 'pop3BodyFetched'; readonly n: number; readonly mail: string; readonly seconds: number; readonly size: number }
  | { readonly kind: 'pop3Purged'; readonly mail: string }
  /** The user deleted a downloaded mail; `when` is what the setting then does on the server. */
  | { readonly kind: 'pop3LocalDelete'; readonly mail: string; readonly when: string }
  | { readonly kind: 'pop3TrashEmptied'; readonly count: number }
  | { readonly kind: 'pop3MovedLocal'; readonly mail: string; readonly folder: string }
  // Sending (sending.ts)
  /** A new mail written: submitted at once, or left in the Outbox (offline, or the server unreachable). */
  | { readonly kind: 'composed'; readonly mail: string; readonly waits: boolean }
  /** Submission refused (the mail stays in the Outbox): too large for the server's SIZE, or no AUTH offered. */
  | { readonly kind: 'submitRefused'; readonly why: 'size' | 'auth'; readonly mail: string; readonly port: number; readonly size: number }
  /** Submission accepted; `savesOnServer`: the client then saves it to Sent on the server, else it moved to the device's own Sent. */
  | { readonly kind: 'submitted'; readonly mail: string; readonly port: number; readonly savesOnServer: boolean }
  /** The APPEND of a sent mail to Sent answered (ok) or refused. */
  | { readonly kind: 'savedSent'; readonly mail: string; readonly ok: boolean };

// The outcome figures of one frame, as plain data (what the scorecard and the
// CLI table show, and what golden outcomes record).
import type { PlaceId } from './model/places';
import type { MailId } from './model/state';

export interface MailWhereabouts {
  readonly mail: MailId;
  /** Every place holding a copy, with how many copies (duplicates) are there; sorted by place. */
  readonly places: ReadonlyArray<{ readonly place: PlaceId; readonly copies: number }>;
  readonly status: 'present' | 'deleted' | 'lost' | 'bounced' | 'queued';
}

export interface AccountUsage {
  readonly account: string;
  readonly bytes: number;
  readonly messages: number;
  readonly quotaBytes: number | null;
  readonly quotaMessages: number | null;
}

export interface DeviceView {
  readonly device: string;
  /** Mails of the account's history this device can show right now (local copy, or server if it can reach it). */
  readonly shows: number;
  /** Mails in the account's history that still exist somewhere and were not deleted by the user. */
  readonly of: number;
}

export interface Metrics {
  readonly time: number;
  readonly mails: readonly MailWhereabouts[];
  readonly lost: readonly MailId[];
  readonly deletedByUser: readonly MailId[];
  readonly bounced: readonly MailId[];
  readonly usage: readonly AccountUsage[];
  /** What someone breaking into the server right now could read. */
  readonly exposure: { readonly mails: number; readonly places: readonly PlaceId[] };
  readonly views: readonly DeviceView[];
  /** Each device's most recent sync: bytes moved and seconds it took at the link speed. */
  readonly syncs: ReadonlyArray<{ readonly device: string; readonly bytes: number; readonly seconds: number }>;
}

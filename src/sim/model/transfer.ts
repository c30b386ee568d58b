// One mail changing place: the fact the picture animates and a mail's history
// is told from. Rules return these; the recorder puts them in frames.
import type { PlaceId } from './places';
import type { MailId } from './state';

export type TransferKind = 'deliver' | 'copy' | 'move' | 'delete' | 'expunge' | 'bounce' | 'lose' | 'restore' | 'flag' | 'defer';

/** One mail changing place. `from` null: it came into being; `to` null: a copy ended. */
export interface Transfer {
  readonly mail: MailId;
  readonly from: PlaceId | null;
  readonly to: PlaceId | null;
  readonly kind: TransferKind;
  /** The copy key in `to` (or `from` for removals). */
  readonly key: string;
  /** Flags after the change, for kind "flag". */
  readonly flags?: number;
}

// Transfers the run makes by the tens of thousands are made with `new`, not as object literals. V8 tracks
// an allocation site for each literal and, once a site's objects are seen to survive (the timeline keeps
// every transfer), decides to allocate them in the old generation, throwing away the optimized code of
// every function that inlined the literal; the year's hottest functions were compiled again twice over.
// An object made by `new` has no such site. The fields are set in the order the literals had (the
// timeline's JSON keeps it); a transfer without flags has no `flags` field at all.

/** A transfer without flags. */
export class MailTransfer implements Transfer {
  declare readonly mail: MailId;
  declare readonly from: PlaceId | null;
  declare readonly to: PlaceId | null;
  declare readonly kind: TransferKind;
  declare readonly key: string;
  constructor(mail: MailId, from: PlaceId | null, to: PlaceId | null, kind: TransferKind, key: string) {
    this.mail = mail;
    this.from = from;
    this.to = to;
    this.kind = kind;
    this.key = key;
  }
}

/** A transfer that tells the flags after the change. */
export class FlagTransfer implements Transfer {
  declare readonly mail: MailId;
  declare readonly from: PlaceId | null;
  declare readonly to: PlaceId | null;
  declare readonly kind: TransferKind;
  declare readonly key: string;
  declare readonly flags: number;
  constructor(mail: MailId, from: PlaceId | null, to: PlaceId | null, kind: TransferKind, key: string, flags: number) {
    this.mail = mail;
    this.from = from;
    this.to = to;
    this.kind = kind;
    this.key = key;
    this.flags = flags;
  }
}

/** A transfer, made by `new` (see above); with `flags` only when given. */
export function transferOf(kind: TransferKind, mail: MailId, from: PlaceId | null, to: PlaceId | null, key: string, flags: number | undefined): Transfer {
  return flags === undefined ? new MailTransfer(mail, from, to, kind, key) : new FlagTransfer(mail, from, to, kind, key, flags);
}

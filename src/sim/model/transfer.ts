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


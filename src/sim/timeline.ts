// The output of a run: a list of frames. The player, the CLI, the conformance
// harness and the tests read only this.
import type { PlaceId } from './model/places';
import type { MailId, WorldState } from './model/state';

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

export type Protocol = 'POP3' | 'IMAP' | 'LMTP' | 'SMTP';

/** A connection, so the conformance harness knows where one session ends. */
export interface SessionInfo {
  readonly id: string;
  readonly protocol: Protocol;
  /** The device (or "mta" for deliveries, "imapsync" for a provider move). */
  readonly client: string;
  readonly account: string;
  readonly serverGeneration: number;
  readonly tls: boolean;
  readonly port: number;
}

export interface ProtocolLine {
  readonly session: string;
  readonly dir: 'C' | 'S';
  readonly text: string;
}

/** Lines, stored compactly: a long listing is kept as a function and expanded on read. */
export type LineSource = ProtocolLine | (() => ProtocolLine[]);

export interface Narration {
  /** An i18n key under `narration.` (texts in both languages live in src/i18n). */
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface Frame {
  readonly index: number;
  /** Simulated minutes since day 1, 00:00. */
  readonly time: number;
  /** Index of the scenario step that produced it (-1: the initial frame; -2: a scheduled event). */
  readonly step: number;
  readonly micro: number;
  /** Short label, e.g. "laptop · RETR 2". */
  readonly label: string;
  readonly actor: string;
  readonly transfers: readonly Transfer[];
  readonly lineSources: readonly LineSource[];
  /** Sessions opened in this frame. */
  readonly sessions: readonly SessionInfo[];
  readonly narration: Narration;
  /** The scenario step's own note, on the first frame of the step. */
  readonly note?: { readonly de: string; readonly en: string };
  readonly state: WorldState;
}

export interface Timeline {
  readonly scenarioId: string;
  readonly variant: string | null;
  readonly frames: readonly Frame[];
  /** Index of the first frame of each step (steps that produced no frame point at the next one). */
  readonly stepStarts: readonly number[];
}

export function frameLines(frame: Frame): ProtocolLine[] {
  const out: ProtocolLine[] = [];
  for (const src of frame.lineSources) {
    if (typeof src === 'function') out.push(...src());
    else out.push(src);
  }
  return out;
}

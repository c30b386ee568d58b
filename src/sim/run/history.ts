// One mail's life, told from the timeline: every transfer that touched it.
import type { Narration, Timeline, TransferKind } from '../timeline';
import type { PlaceId } from '../model/places';

export interface HistoryEntry {
  readonly frame: number;
  readonly time: number;
  readonly kind: TransferKind;
  readonly from: PlaceId | null;
  readonly to: PlaceId | null;
  readonly actor: string;
  readonly narration: Narration;
}

export function mailHistory(timeline: Timeline, mail: string, upTo = timeline.frames.length - 1): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  for (let i = 0; i <= upTo && i < timeline.frames.length; i++) {
    const f = timeline.frames[i];
    for (const t of f.transfers) {
      if (t.mail !== mail) continue;
      out.push({ frame: i, time: f.time, kind: t.kind, from: t.from, to: t.to, actor: f.actor, narration: f.narration });
    }
  }
  return out;
}

// A transcript's lines by change, each with the key of its explanation, made
// once per change of the timeline shown. The panel renders again at every change
// while playing (and in slices, as a transition, perhaps more than once per
// change), and every render walked back through up to 120 lines, writing each
// change's lines from its data and asking for every line's explanation anew.
import { frameLines, type ProtocolLine, type Timeline } from '../../sim';
import { explainKey, type LineProtocol } from './explain';

export interface ExplainedLine extends ProtocolLine {
  /** The key under "ui.cmd." that explains the line, or null. */
  readonly explainedBy: string | null;
}

/** At most this many changes' lines are kept; the oldest asked for go first (the window shown moves forward while playing). */
const KEEP = 512;

export class ExplainedLines {
  private readonly known = new Map<number, readonly ExplainedLine[]>();

  constructor(
    readonly timeline: Timeline,
    private readonly protocolOf: (session: string) => LineProtocol,
  ) {}

  /** The lines of change `i`, explained. The same list every time it is asked for. */
  at(i: number): readonly ExplainedLine[] {
    let ls = this.known.get(i);
    if (!ls) {
      ls = frameLines(this.timeline.frames[i]).map((l) => ({ ...l, explainedBy: explainKey(this.protocolOf(l.session), l.dir, l.text) }));
      if (this.known.size >= KEEP) this.known.delete(this.known.keys().next().value!);
      this.known.set(i, ls);
    }
    return ls;
  }
}

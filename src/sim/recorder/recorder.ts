// The recorder assembles the timeline: what happened since the last frame
// (store ops, mail movements, protocol lines, sessions opened) becomes a frame
// when an action is told (`emit`). It writes nothing but the timeline.
import type { Op } from '../model/ops';
import { transferOf, type Transfer, type TransferKind } from '../model/transfer';
import type { PlaceId } from '../model/places';
import type { MailStore } from '../store/store';
import type { ListingRef } from '../protocol/imap';
import type { LineSource, Narration, PackedLines, ProtocolLine, SessionInfo, Timeline } from '../timeline';
import type { WorkGuard } from './workGuard';
import { WorkList } from './workList';
import { flat } from '../model/flatString';
import { encodeStep, imapStepLines, stepLineCount, stepValueCount, writeStep, type ImapStep } from './imapSteps';

interface PendingFrame {
  readonly ops: WorkList<Op>;
  readonly transfers: WorkList<Transfer>;
  readonly lines: WorkList<LineSource>;
  readonly sessions: WorkList<SessionInfo>;
  packSession: string | null;
  readonly packTexts: WorkList<string>;
  readonly packDirs: WorkList<string>;
  /** The session whose IMAP steps are being gathered (written out when read), and the steps as plain values. */
  stepSession: string | null;
  steps: Array<string | number>;
}

const newPending = (): PendingFrame => ({
  ops: new WorkList(),
  transfers: new WorkList(),
  lines: new WorkList(),
  sessions: new WorkList(),
  packSession: null,
  packTexts: new WorkList(),
  packDirs: new WorkList(),
  stepSession: null,
  steps: [],
});

/**
 * What the timeline keeps of a list grown by push: a copy of exactly its
 * length. Such a list keeps room for at least 16 entries (V8 grows a backing
 * store by half plus 16), and most hold a few values. (A frame's own lists are
 * WorkLists, used again for every frame, whose entries move into the
 * timeline's columns; the IMAP steps' list below is replaced by a new one.)
 */
const exact = <T>(working: T[]): T[] => working.slice();

/**
 * A pack of lines as the timeline keeps it, made with `new` rather than as a literal: the timeline keeps
 * every pack, and V8 moved the literal's allocation site to the old generation twice a year, each time
 * throwing away the optimized code of every function that inlined `closePack` (`line`, `emit`, `report`,
 * `imapStep`, `imapCommand`). The fields in the literal's order (the timeline's JSON keeps it).
 */
class LinePack implements PackedLines {
  declare readonly session: string;
  declare readonly dirs: string;
  declare readonly texts: readonly string[];
  constructor(session: string, dirs: string, texts: readonly string[]) {
    this.session = session;
    this.dirs = dirs;
    this.texts = texts;
  }
}

/** A session as the timeline keeps it, made with `new` for the same reason as `LinePack`; fields in the order a spread of `info` gave. */
class SessionRecord implements SessionInfo {
  declare readonly protocol: SessionInfo['protocol'];
  declare readonly client: string;
  declare readonly account: string;
  declare readonly tls: boolean;
  declare readonly port: number;
  declare readonly id: string;
  declare readonly serverGeneration: number;
  constructor(info: Omit<SessionInfo, 'id' | 'serverGeneration'>, id: string, serverGeneration: number) {
    this.protocol = info.protocol;
    this.client = info.client;
    this.account = info.account;
    this.tls = info.tls;
    this.port = info.port;
    this.id = id;
    this.serverGeneration = serverGeneration;
  }
}

export class Recorder {
  /** Scenario step being run (-1 before the first, -2 for scheduled events). */
  step = -1;
  private micro = 0;
  private note: { de: string; en: string } | undefined;
  private pending: PendingFrame = newPending();
  private readonly interned = new Map<string, string>();
  /** Every text given to `told` so far, each kept once. */
  private readonly toldTexts = new Map<string, string>();
  private sessionCounter = 0;
  /** Counts the work as it passes and stops the run at its cap (set by simulate; none: no cap). */
  guard: WorkGuard | null = null;

  constructor(
    readonly timeline: Timeline,
    private readonly store: MailStore,
  ) {}

  /** A store op that was applied: it goes into the next frame. */
  op(op: Op): void {
    this.guard?.op();
    this.pending.ops.push(op);
  }

  transfer(kind: TransferKind, mail: string, from: PlaceId | null, to: PlaceId | null, key: string, flags?: number): void {
    this.pending.transfers.push(transferOf(kind, mail, from, to, key, flags));
  }

  transfers(list: readonly Transfer[]): void {
    for (const t of list) this.pending.transfers.push(t);
  }

  openSession(info: Omit<SessionInfo, 'id' | 'serverGeneration'>): SessionInfo {
    this.sessionCounter++;
    // Written out rather than spread, in the order the spread gave (the timeline's JSON keeps it).
    const session: SessionInfo = new SessionRecord(info, `${info.client}#${this.sessionCounter}`, this.store.state.serverGeneration);
    this.pending.sessions.push(session);
    return session;
  }

  line(session: SessionInfo, dir: 'C' | 'S', text: string): void {
    this.guard?.lines(1);
    // Tagged IMAP replies repeat across sessions ("a3 OK Fetch completed …"): keep one copy of each.
    // So do many client commands ("a2 SELECT INBOX").
    if (text.charCodeAt(0) === 97 /* a */ && isShortTagged(text)) text = this.intern(text);
    const p = this.pending;
    if (p.packSession !== session.id) {
      this.closePack();
      p.packSession = session.id;
    }
    p.packTexts.push(text);
    p.packDirs.push(dir);
  }

  lines(session: SessionInfo, dir: 'C' | 'S', texts: readonly string[] | (() => string[])): void {
    if (typeof texts === 'function') {
      // Written out only when read: recording it is one piece of work.
      this.guard?.lines(1);
      this.closePack();
      const id = session.id;
      this.pending.lines.push(() => texts().map((text): ProtocolLine => ({ session: id, dir, text })));
    } else if (texts.length === 1) this.line(session, dir, texts[0]);
    else if (texts.length) {
      // A reply's lines, packed in one go (counted one by one, so the work cap stops at the same line).
      const p = this.pending;
      if (p.packSession !== session.id) {
        this.closePack();
        p.packSession = session.id;
      }
      const guard = this.guard;
      for (const text of texts) {
        guard?.lines(1);
        p.packTexts.push(text.charCodeAt(0) === 97 /* a */ && isShortTagged(text) ? this.intern(text) : text);
        p.packDirs.push(dir);
      }
    }
  }

  /**
   * A whole exchange of both sides, written out only when read (an LMTP
   * delivery's twenty lines, the same words every time): the timeline keeps
   * `transcript` itself, which writes `count` lines, each naming its session
   * (the work cap counts them).
   */
  exchange(count: number, transcript: () => ProtocolLine[]): void {
    this.guard?.lines(count);
    this.closePack();
    this.pending.lines.push(transcript);
  }

  /**
   * A step of an IMAP exchange kept as data, written out only when read (an
   * IDLE push: see imapSteps.ts). A session's consecutive steps make one line
   * source; the work cap counts the lines they write.
   */
  imapStep(session: SessionInfo, step: ImapStep): void {
    this.guard?.lines(stepLineCount(step));
    const p = this.pending;
    if (p.stepSession !== session.id) {
      this.closePack();
      p.stepSession = session.id;
    }
    encodeStep(step, p.steps);
  }

  /**
   * One IMAP command kept as a step on its own (a FETCH outside an IDLE push),
   * in a list of exactly its values: grown by push from empty, a FETCH of many
   * entries reallocated its list again and again on the way. `counted`: lines
   * already counted (see countLines); the rest are counted one by one, so the
   * work cap stops at the same line as when they are written.
   */
  imapCommand(session: SessionInfo, step: ImapStep, counted: number): void {
    const guard = this.guard;
    if (guard) for (let n = stepLineCount(step) - counted; n > 0; n--) guard.lines(1);
    this.closePack();
    const id = session.id;
    const values = new Array<string | number>(stepValueCount(step));
    writeStep(step, values, 0);
    this.pending.lines.push(() => imapStepLines(id, values));
  }

  /** Lines about to be recorded as a step, counted now: where the wire would have written them before the command's effects. */
  countLines(n: number): void {
    this.guard?.lines(n);
  }

  listing(session: SessionInfo, ref: ListingRef): void {
    this.guard?.lines(1);
    this.closePack();
    this.pending.lines.push({ session: session.id, listing: ref.listing, place: ref.place, upTo: ref.upTo, recentFrom: ref.recentFrom });
  }

  private intern(text: string): string {
    const known = this.interned.get(text);
    if (known) return known;
    this.interned.set(text, text);
    return text;
  }

  /**
   * A narration's word that a year tells again and again (a delivery's
   * recipients, "anna, ben"), kept once: made anew each time, every frame kept its
   * own copy. In one piece (model/flatString.ts), so it is hashed at once.
   */
  told(text: string): string {
    const known = this.toldTexts.get(flat(text));
    if (known !== undefined) return known;
    this.toldTexts.set(text, text);
    return text;
  }

  /** Turn the lines gathered for one session into a packed block (or its gathered steps into one line source). */
  private closePack(): void {
    const p = this.pending;
    if (p.stepSession !== null) {
      const id = p.stepSession;
      const steps = exact(p.steps);
      p.lines.push(() => imapStepLines(id, steps));
      p.steps = [];
      p.stepSession = null;
    }
    if (p.packSession !== null && p.packTexts.length) {
      // The frame keeps a copy of exactly its length; the working lists start over for the next pack.
      // The directions repeat from session to session (a POP3 check's "CSCSSCS…"): one copy of each.
      p.lines.push(new LinePack(p.packSession, this.intern(p.packDirs.join()), p.packTexts.take()));
    }
    p.packSession = null;
  }

  beginStep(step: number, note: { de: string; en: string } | undefined): void {
    this.guard?.event();
    this.step = step;
    this.micro = 0;
    this.note = note;
    if (step >= 0) this.timeline.stepStarts[step] = this.timeline.frames.length;
  }

  /** Close the frame: everything pending, told by `narration`. */
  emit(actor: string, label: string, narration: Narration): void {
    this.guard?.frame();
    this.closePack();
    const p = this.pending;
    this.timeline.push(
      {
        time: this.store.state.time,
        step: this.step,
        micro: this.micro++,
        // In one piece (model/flatString.ts): a label made with a template was a chain of string
        // pieces in every frame, kept all year for the garbage collector to copy and mark. (Not kept once
        // per distinct label: the year's lookups in a map cost 45-85 ms of CPU, measured alone, to save
        // its 27,000 repeats, under 2 % of what the timeline keeps.)
        label: flat(label),
        actor,
        // The timeline appends the gathered entries to its columns (timeline.ts); the working lists start over.
        transfers: p.transfers,
        lineSources: p.lines,
        sessions: p.sessions,
        narration,
        // The frame class sets `note` only when there is one (no spread of an optional field per frame).
        note: this.note,
        ops: p.ops,
      },
      this.store.state,
      this.store.copies,
    );
    this.note = undefined;
  }

  /** True when something happened since the last frame that a frame should show. */
  hasPending(): boolean {
    const p = this.pending;
    return p.transfers.length > 0 || p.lines.length > 0 || p.packTexts.length > 0 || p.steps.length > 0 || p.ops.some((o) => o.op !== 'time');
  }

  get frameCount(): number {
    return this.timeline.frames.length;
  }
}

/**
 * `a<1 to 3 digits> …`: a line with one of a session's first 999 tags (checked
 * by hand, every transcript line passes here). Only those repeat across
 * sessions; a connection kept open for months (a device in IDLE) counts its
 * tags into the ten thousands, each line with its own, and keeping those in the
 * table would only make it grow.
 */
function isShortTagged(text: string): boolean {
  let i = 1;
  while (i < 5 && i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    i++;
  }
  return i > 1 && i < 5 && text.charCodeAt(i) === 32;
}

// The state of one run while it is being computed: the visible world (changed
// only through ops), what only the engine needs (client memories, the MTA
// queue), and the frame being assembled. simulate() owns one Run and throws it
// away; nothing here outlives a call, so simulate stays a pure function.
import type { Device, Scenario, World } from '../scenario/schema';
import { applyOp, type Op } from '../model/ops';
import type { PlaceId } from '../model/places';
import { emptyState, type Copy, type WorldState } from '../model/state';
import { Timeline, type LineSource, type Narration, type ProtocolLine, type SessionInfo, type Transfer, type TransferKind } from '../timeline';
import { emptyMemory, type ClientMemory } from './memory';
import { SeqIndex } from '../server/seqIndex';
import { initialTransition, type SnapshotFrom } from 'xstate';
import { deviceMachine } from '../device/device.machine';

type DeviceSnapshot = SnapshotFrom<typeof deviceMachine>;

export interface Deferred {
  readonly mail: string;
  readonly account: string;
  readonly from: string;
  readonly queuedAt: number;
  nextTryAt: number;
}

export interface DeviceRuntime {
  readonly config: Device;
  /** The device machine's snapshot (network × disk). */
  machine: DeviceSnapshot;
  memory: ClientMemory;
  backup: { takenAt: number; memory: ClientMemory } | null;
}

interface PendingFrame {
  ops: Op[];
  transfers: Transfer[];
  lines: LineSource[];
  sessions: SessionInfo[];
  packSession: string | null;
  packTexts: string[];
  packDirs: string[];
}

const newPending = (): PendingFrame => ({ ops: [], transfers: [], lines: [], sessions: [], packSession: null, packTexts: [], packDirs: [] });

export class Run {
  readonly state: WorldState = emptyState();
  readonly timeline: Timeline;
  readonly devices = new Map<string, DeviceRuntime>();
  readonly deferred: Deferred[] = [];
  /** Scenario step being run (-1 before the first, -2 for scheduled events). */
  step = -1;
  private micro = 0;
  private note: { de: string; en: string } | undefined;
  private pending: PendingFrame = newPending();
  private readonly interned = new Map<string, string>();
  private copies = 0;
  private sessionCounter = 0;
  serverBackupAt: number | null = null;
  /** IMAP connections devices keep open in IDLE on INBOX. */
  readonly idleConnections = new Map<string, import('../client/connection').ImapConnection>();
  /** Called after a delivery saved mail for these accounts (devices in IDLE hear of it at once). */
  onDelivered: (accounts: readonly string[]) => void = () => {};
  /** Recipients of mails waiting in an Outbox. */
  readonly outboxOptions = new Map<string, { to: string[]; toAddress: string | null; bccSelf: boolean }>();

  constructor(
    readonly scenario: Scenario,
    readonly world: World,
    variant: string | null,
  ) {
    this.timeline = new Timeline(scenario.id, variant, world);
    for (const d of world.devices) this.devices.set(d.id, { config: d, machine: initialTransition(deviceMachine)[0], memory: emptyMemory(), backup: null });
  }

  get time(): number {
    return this.state.time;
  }

  /** Per server folder: sequence numbers by UID (engine-side index, not part of the visible state). */
  private readonly seqIndexes = new Map<PlaceId, SeqIndex>();
  /** Per server folder: every change to an existing message (flags, removal, a restore), in order. */
  private readonly changeLogs = new Map<PlaceId, { versions: number[]; uids: number[] }>();
  private changeVersion = 0;

  /** Keys put or removed per server/device place since that place's last backup (backups copy only these). */
  readonly touched = new Map<PlaceId, Set<string>>();

  apply(op: Op, append = false): void {
    if (op.op === 'put' || op.op === 'del') {
      if (!op.place.startsWith('backup/')) {
        let keys = this.touched.get(op.place);
        if (!keys) this.touched.set(op.place, (keys = new Set()));
        keys.add(op.key);
      }
      const had = this.state.places.get(op.place)?.has(op.key) ?? false;
      if (op.op === 'put' && !had) this.copies++;
      if (op.op === 'del' && had) this.copies--;
      if (op.place.startsWith('server/') && (op.op === 'put' || had)) this.indexServerChange(op.place, Number(op.key), op.op, had, append);
    }
    applyOp(this.state, op);
    this.pending.ops.push(op);
  }

  private indexServerChange(place: PlaceId, uid: number, kind: 'put' | 'del', had: boolean, append: boolean): void {
    let index = this.seqIndexes.get(place);
    if (!index) this.seqIndexes.set(place, (index = new SeqIndex()));
    if (kind === 'put' && !had) index.add(uid);
    if (kind === 'del') index.remove(uid);
    if (append) return;
    let log = this.changeLogs.get(place);
    if (!log) this.changeLogs.set(place, (log = { versions: [], uids: [] }));
    log.versions.push(++this.changeVersion);
    log.uids.push(uid);
  }

  /** The sequence number of a UID present in a server folder. */
  seqOf(place: PlaceId, uid: number): number {
    return this.seqIndexes.get(place)?.rank(uid) ?? 0;
  }

  /** The latest change version (a client remembers it to ask "what changed since"). */
  get version(): number {
    return this.changeVersion;
  }

  /** UIDs of a server folder whose message changed (flags, removal, restore) after `version`. */
  changedSince(place: PlaceId, version: number): number[] {
    const log = this.changeLogs.get(place);
    if (!log) return [];
    let lo = 0;
    let hi = log.versions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (log.versions[mid] <= version) lo = mid + 1;
      else hi = mid;
    }
    return [...new Set(log.uids.slice(lo))];
  }

  // --- copies -------------------------------------------------------------

  put(place: PlaceId, key: string, copy: Copy, append = false): void {
    this.apply({ op: 'put', place, key, copy }, append);
  }

  del(place: PlaceId, key: string): void {
    this.apply({ op: 'del', place, key });
  }

  copyAt(place: PlaceId, key: string): Copy | undefined {
    return this.state.places.get(place)?.get(key);
  }

  folder(place: PlaceId): ReadonlyMap<string, Copy> {
    return this.state.places.get(place) ?? EMPTY;
  }

  setFlags(place: PlaceId, key: string, flags: number): boolean {
    const copy = this.copyAt(place, key);
    if (!copy || copy.flags === flags) return false;
    this.put(place, key, { ...copy, flags });
    this.transfer('flag', copy.mail, place, place, key, flags);
    return true;
  }

  /** A key for a device folder that does not clash with a copy already there (a duplicate gets ~2, ~3…). */
  freeKey(place: PlaceId, mail: string): { key: string; dup?: number } {
    const f = this.folder(place);
    if (!f.has(mail)) return { key: mail };
    for (let n = 2; ; n++) if (!f.has(`${mail}~${n}`)) return { key: `${mail}~${n}`, dup: n };
  }

  // --- frames -------------------------------------------------------------

  transfer(kind: TransferKind, mail: string, from: PlaceId | null, to: PlaceId | null, key: string, flags?: number): void {
    this.pending.transfers.push(flags === undefined ? { mail, from, to, kind, key } : { mail, from, to, kind, key, flags });
  }

  openSession(info: Omit<SessionInfo, 'id' | 'serverGeneration'>): SessionInfo {
    this.sessionCounter++;
    const session: SessionInfo = { ...info, id: `${info.client}#${this.sessionCounter}`, serverGeneration: this.state.serverGeneration };
    this.pending.sessions.push(session);
    return session;
  }

  line(session: SessionInfo, dir: 'C' | 'S', text: string): void {
    // Tagged IMAP replies repeat across sessions ("a3 OK Fetch completed …"): keep one copy of each.
    if (text.charCodeAt(0) === 97 /* a */ && /^a\d+ /.test(text)) {
      const known = this.interned.get(text);
      if (known) text = known;
      else this.interned.set(text, text);
    }
    const p = this.pending;
    if (p.packSession !== session.id) {
      this.closePack();
      p.packSession = session.id;
    }
    p.packTexts.push(text);
    p.packDirs.push(dir);
  }

  /** Turn the lines gathered for one session into a packed block. */
  private closePack(): void {
    const p = this.pending;
    if (p.packSession !== null && p.packTexts.length) p.lines.push({ session: p.packSession, dirs: p.packDirs.join(''), texts: p.packTexts });
    p.packSession = null;
    p.packTexts = [];
    p.packDirs = [];
  }

  lines(session: SessionInfo, dir: 'C' | 'S', texts: readonly string[] | (() => string[])): void {
    if (typeof texts === 'function') {
      this.closePack();
      const id = session.id;
      this.pending.lines.push(() => texts().map((text): ProtocolLine => ({ session: id, dir, text })));
    } else for (const text of texts) this.line(session, dir, text);
  }

  listing(session: SessionInfo, ref: { listing: 'fetchFlags'; place: PlaceId; upTo: number; recentFrom: number | null }): void {
    this.closePack();
    this.pending.lines.push({ session: session.id, listing: ref.listing, place: ref.place, upTo: ref.upTo, recentFrom: ref.recentFrom });
  }

  beginStep(step: number, note: { de: string; en: string } | undefined): void {
    this.step = step;
    this.micro = 0;
    this.note = note;
    if (step >= 0) this.timeline.stepStarts[step] = this.timeline.frames.length;
  }

  emit(actor: string, label: string, narration: Narration): void {
    this.closePack();
    const p = this.pending;
    this.timeline.push(
      {
        time: this.state.time,
        step: this.step,
        micro: this.micro++,
        label,
        actor,
        transfers: p.transfers,
        lineSources: p.lines,
        sessions: p.sessions,
        narration,
        ...(this.note ? { note: this.note } : {}),
        ops: p.ops,
      },
      this.state,
      this.copies,
    );
    this.note = undefined;
    this.pending = newPending();
  }

  /** True when something happened since the last frame that a frame should show. */
  hasPending(): boolean {
    const p = this.pending;
    return p.transfers.length > 0 || p.lines.length > 0 || p.packTexts.length > 0 || p.ops.some((o) => o.op !== 'time');
  }

  /** Mails waiting in a device's Outbox. */
  outboxOptionsFor(deviceId: string): string[] {
    return [...this.folder(`device/${deviceId}/Outbox`).keys()];
  }

  device(id: string): DeviceRuntime {
    const d = this.devices.get(id);
    if (!d) throw new Error(`no device ${id}`);
    return d;
  }

  account(id: string) {
    const a = this.world.accounts.find((x) => x.id === id);
    if (!a) throw new Error(`no account ${id}`);
    return a;
  }
}

const EMPTY: ReadonlyMap<string, Copy> = new Map();

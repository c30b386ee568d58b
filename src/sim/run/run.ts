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
}

export class Run {
  readonly state: WorldState = emptyState();
  readonly timeline: Timeline;
  readonly devices = new Map<string, DeviceRuntime>();
  readonly deferred: Deferred[] = [];
  /** Scenario step being run (-1 before the first, -2 for scheduled events). */
  step = -1;
  private micro = 0;
  private note: { de: string; en: string } | undefined;
  private pending: PendingFrame = { ops: [], transfers: [], lines: [], sessions: [] };
  private copies = 0;
  private sessionCounter = 0;
  serverBackupAt: number | null = null;
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

  apply(op: Op): void {
    if (op.op === 'put' && !this.state.places.get(op.place)?.has(op.key)) this.copies++;
    if (op.op === 'del' && this.state.places.get(op.place)?.has(op.key)) this.copies--;
    applyOp(this.state, op);
    this.pending.ops.push(op);
  }

  // --- copies -------------------------------------------------------------

  put(place: PlaceId, key: string, copy: Copy): void {
    this.apply({ op: 'put', place, key, copy });
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
    this.pending.lines.push({ session: session.id, dir, text });
  }

  lines(session: SessionInfo, dir: 'C' | 'S', texts: readonly string[] | (() => string[])): void {
    if (typeof texts === 'function') {
      const id = session.id;
      this.pending.lines.push(() => texts().map((text): ProtocolLine => ({ session: id, dir, text })));
    } else for (const text of texts) this.line(session, dir, text);
  }

  beginStep(step: number, note: { de: string; en: string } | undefined): void {
    this.step = step;
    this.micro = 0;
    this.note = note;
    if (step >= 0) this.timeline.stepStarts[step] = this.timeline.frames.length;
  }

  emit(actor: string, label: string, narration: Narration): void {
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
    this.pending = { ops: [], transfers: [], lines: [], sessions: [] };
  }

  /** True when something happened since the last frame that a frame should show. */
  hasPending(): boolean {
    const p = this.pending;
    return p.transfers.length > 0 || p.lines.length > 0 || p.ops.some((o) => o.op !== 'time');
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

// One run while it is being computed: it composes the mail store, the
// recorder, the devices (machine snapshot, client memory, open connections)
// and the provider's MX queue. simulate() owns one Run and throws it away;
// nothing here outlives a call, so simulate stays a pure function.
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import type { Scenario, World } from '../scenario/schema';
import { DelOp, PutOp, type Op } from '../model/ops';
import type { PlaceId } from '../model/places';
import type { Copy } from '../model/state';
import type { TransferKind } from '../model/transfer';
import { Timeline, type Narration } from '../timeline';
import { MailStore } from '../store/store';
import { serverFolders } from '../store/mailbox';
import { folderIds } from '../scenario/texts';
import { Recorder } from '../recorder/recorder';
import { setFlagsOf, type Effects } from '../server/draft';
import type { ImapAccount } from '../server/imap/imapServer';
import { emptyMemory, type ClientMemory } from '../client/memory';
import type { ImapConnection } from '../client/imapConnection';
import { deviceMachine, statusOf, type DeviceEvent } from './device.machine';
import { serverMachine, serverStatusOf, type ServerEvent } from './server.machine';
import type { StagedMove } from './moveState';
import { accountOfMailbox } from '../model/places';
import type { LmtpRecipient } from '../server/lmtp/lmtpServer';

export interface Deferred {
  readonly mail: string;
  readonly account: string;
  readonly from: string;
  readonly queuedAt: number;
  nextTryAt: number;
  /** Waiting in the sending server's queue (refused at RCPT TO, rule 64), not in the provider's MX queue. */
  readonly atSender?: boolean;
  /** During a provider move over days: the provider whose MX queue holds it. */
  readonly provider?: 'old' | 'new';
}

export interface DeviceRuntime {
  /** The device as configured now (device.configure replaces it). */
  config: World['devices'][number];
  /** When a device.configure step last changed it (the scheduler starts its check interval there). */
  configuredAt: number | null;
  /** The device machine's snapshot (network × disk). */
  machine: SnapshotFrom<typeof deviceMachine>;
  /** The client runtime's memory (on the device's disk). */
  memory: ClientMemory;
  backup: { takenAt: number; memory: ClientMemory } | null;
  /** The IMAP connection the client keeps open in IDLE on INBOX. */
  idle: ImapConnection | null;
}

export class Run {
  readonly store = new MailStore();
  readonly timeline: Timeline;
  readonly recorder: Recorder;
  readonly devices = new Map<string, DeviceRuntime>();
  /** Deliveries the provider's MX keeps in its queue (452 over LMTP, or the server is down). */
  readonly deferred: Deferred[] = [];
  /** Backup copies only older generations hold, in the order they left the latest (so the oldest are discarded first). */
  readonly olderBackups: { until: number; place: PlaceId; key: string }[] = [];
  private server: SnapshotFrom<typeof serverMachine> = initialTransition(serverMachine)[0];
  /** What the server machine's state means, read once per transition (every delivery and check asks whether the server is down). */
  private serverStatus = serverStatusOf(this.server);
  /** The last LMTP recipients list made for each provider and list of accounts (mta.ts: kept once while unchanged). */
  readonly lmtpRecipients = new Map<string, readonly LmtpRecipient[]>();
  /** A move to a new provider that takes days, from provider.newMailbox on (rules 87–94). */
  move: StagedMove | null = null;
  /** Called after a delivery saved mail for these accounts (devices in IDLE hear of it at once). */
  onDelivered: (accounts: readonly string[]) => void = () => {};
  /**
   * The server's folders, in the order it lists them: made once, as the world's folders do not change (every
   * IMAP session asks; made per session, the list came in two kinds and threw away `imapAccount`'s compiled code).
   */
  readonly folders: readonly string[];

  constructor(
    readonly scenario: Scenario,
    readonly world: World,
    variant: string | null,
  ) {
    this.timeline = new Timeline(scenario.id, variant, world);
    this.recorder = new Recorder(this.timeline, this.store);
    this.folders = serverFolders(folderIds(world.folders));
    for (const d of world.devices) this.devices.set(d.id, { config: d, configuredAt: null, machine: initialTransition(deviceMachine)[0], memory: emptyMemory(), backup: null, idle: null });
  }

  get state() {
    return this.store.state;
  }

  get time(): number {
    return this.store.state.time;
  }

  /** Every change to the store goes through here: the store applies it, the recorder keeps it for the frame. */
  apply(op: Op, append = false): void {
    this.store.apply(op, append);
    this.recorder.op(op);
  }

  /** What a server port returned: its ops applied in order, its mail movements recorded. */
  applyEffects(effects: Effects): void {
    for (const o of effects.ops) this.apply(o.op, o.append ?? false);
    this.recorder.transfers(effects.transfers);
  }

  put(place: PlaceId, key: string, copy: Copy): void {
    this.apply(new PutOp(place, key, copy));
  }

  del(place: PlaceId, key: string): void {
    this.apply(new DelOp(place, key));
  }

  copyAt(place: PlaceId, key: string): Copy | undefined {
    return this.store.copyAt(place, key);
  }

  folder(place: PlaceId): ReadonlyMap<string, Copy> {
    return this.store.folder(place);
  }

  setFlags(place: PlaceId, key: string, flags: number): boolean {
    return setFlagsOf(this, place, key, flags);
  }

  /** A key for a device folder that does not clash with a copy already there (a duplicate gets ~2, ~3…). */
  freeKey(place: PlaceId, mail: string): { key: string; dup?: number } {
    const f = this.folder(place);
    if (!f.has(mail)) return { key: mail };
    for (let n = 2; ; n++) if (!f.has(`${mail}~${n}`)) return { key: `${mail}~${n}`, dup: n };
  }

  transfer(kind: TransferKind, mail: string, from: PlaceId | null, to: PlaceId | null, key: string, flags?: number): void {
    this.recorder.transfer(kind, mail, from, to, key, flags);
  }

  emit(actor: string, label: string, narration: Narration): void {
    this.recorder.emit(actor, label, narration);
  }

  hasPending(): boolean {
    return this.recorder.hasPending();
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

  /** What the IMAP server knows of a mailbox (an account's, at the old or the new provider), for a session from `client`. */
  imapAccount(mailbox: string, client: string): ImapAccount {
    const a = this.account(accountOfMailbox(mailbox));
    return { id: mailbox, quota: a.quota, gracePercent: this.world.server.quotaGracePercent, folders: this.folders, client };
  }

  sendDeviceEvent(deviceId: string, event: DeviceEvent): void {
    const dev = this.device(deviceId);
    dev.machine = transition(deviceMachine, dev.machine, event)[0];
    const pointsAt = this.state.devices.get(deviceId)?.pointsAt;
    this.apply({ op: 'device', device: deviceId, status: pointsAt ? { ...statusOf(dev.machine), pointsAt } : statusOf(dev.machine) });
  }

  sendServerEvent(event: ServerEvent): void {
    this.server = transition(serverMachine, this.server, event)[0];
    this.serverStatus = serverStatusOf(this.server);
    this.apply({ op: 'server', ...this.serverStatus });
  }

  get serverDown(): boolean {
    return this.serverStatus.down;
  }
}

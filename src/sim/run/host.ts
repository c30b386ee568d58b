// A device's client runtime, given its world: its own disk (device places),
// its memory, and wires to the server. Implements client/host.ts.
import type { ClientHost, ImapWire, Pop3Wire } from '../client/host';
import type { Cost } from '../client/cost';
import type { ImapConnection } from '../client/imapConnection';
import type { IdleSlot } from '../client/imapClient';
import type { ClientMemory } from '../client/memory';
import type { PlaceId } from '../model/places';
import { MailOp, SyncOp } from '../model/ops';
import { MailRecord, type Copy, type DeviceStatus } from '../model/state';
import type { TransferKind } from '../model/transfer';
import type { Run } from './run';
import { openImapWire, openPop3Wire } from './wire';
import { deviceMailbox } from './stagedMove';
import { deliverSubmitted, submitSmtp } from './mta';
import type { ClientFact } from '../model/clientFacts';
import { narrateClient } from '../recorder/narrateClient';

export class DeviceHost implements ClientHost, IdleSlot {
  constructor(
    private readonly run: Run,
    readonly id: string,
  ) {}

  private get runtime() {
    return this.run.device(this.id);
  }

  get device() {
    return this.runtime.config;
  }

  get account() {
    return this.run.account(this.device.account);
  }

  get time(): number {
    return this.run.time;
  }

  get memory(): ClientMemory {
    return this.runtime.memory;
  }

  set memory(m: ClientMemory) {
    this.runtime.memory = m;
  }

  get(): ImapConnection | null {
    return this.runtime.idle;
  }

  set(c: ImapConnection | null): void {
    this.runtime.idle = c;
  }

  status(): DeviceStatus {
    return this.run.state.devices.get(this.id) ?? { online: false, diskFailed: false };
  }

  devicePlaces(): PlaceId[] {
    const prefix = `device/${this.id}/`;
    return [...this.run.state.places.keys()].filter((p) => p.startsWith(prefix));
  }

  folder(place: PlaceId): ReadonlyMap<string, Copy> {
    return this.run.folder(place);
  }

  copyAt(place: PlaceId, key: string): Copy | undefined {
    return this.run.copyAt(place, key);
  }

  put(place: PlaceId, key: string, copy: Copy): void {
    this.run.put(place, key, copy);
  }

  del(place: PlaceId, key: string): void {
    this.run.del(place, key);
  }

  setFlags(place: PlaceId, key: string, flags: number): void {
    this.run.setFlags(place, key, flags);
  }

  freeKey(place: PlaceId, mail: string): { key: string; dup?: number } {
    return this.run.freeKey(place, mail);
  }

  transfer(kind: TransferKind, mail: string, from: PlaceId | null, to: PlaceId | null, key: string): void {
    this.run.transfer(kind, mail, from, to, key);
  }

  deletedByUser(mail: string): void {
    this.run.apply({ op: 'deletedByUser', mail });
  }

  sizeOf(mail: string): number {
    return this.run.state.mails.get(mail)?.sizeBytes ?? 0;
  }

  report(fact: ClientFact): void {
    const { label, narration } = narrateClient(this.id, fact);
    this.run.emit(this.id, label, narration);
  }

  hasPending(): boolean {
    return this.run.hasPending();
  }

  recordSync(cost: Cost): void {
    this.run.apply(new SyncOp(this.id, cost.bytes, cost.seconds(this.device.linkKbps), this.run.time));
  }

  serverReachable(): boolean {
    return !this.run.serverDown;
  }

  openImap(): ImapWire | null {
    if (this.run.serverDown) return null;
    // During a provider move the device talks to the provider it is pointed at (rule 91).
    return openImapWire(this.run, this.id, this.device.account, this.device.tls, deviceMailbox(this.run, this.id));
  }

  openPop3(): Pop3Wire | null {
    if (this.run.serverDown) return null;
    return openPop3Wire(this.run, this.id, this.device.account, this.device.tls, deviceMailbox(this.run, this.id));
  }

  submit(mail: string, to: readonly string[], toAddress: string | null): { port: number } {
    return submitSmtp(this.run, this.id, mail, to, toAddress);
  }

  deliverSubmitted(mail: string, to: readonly string[], toAddress: string | null): void {
    deliverSubmitted(this.run, this.id, mail, to, toAddress);
  }

  compose(mail: { id: string; subject: string; to: readonly string[]; toAddress: string | null; sizeBytes: number }): void {
    const sender = this.account;
    this.run.apply(
      new MailOp(
        new MailRecord(
          mail.id,
          mail.subject,
          sender.address,
          mail.to.map((a) => this.run.account(a).address).concat(mail.toAddress ? [mail.toAddress] : []),
          mail.sizeBytes,
          [sender.id, ...mail.to.filter((a) => a !== sender.id)],
          this.run.time,
        ),
      ),
    );
  }
}

/** The client runtime of one device (created on demand; it keeps no state of its own beyond the run's). */
export function hostOf(run: Run, deviceId: string): DeviceHost {
  return new DeviceHost(run, deviceId);
}

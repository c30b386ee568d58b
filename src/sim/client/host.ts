// What a client runtime may use of the world around it: its device (settings,
// disk, network), its own memory, and connections to the server. A client
// never sees the server's store: everything it knows about the server came in
// a reply over one of these connections (run/ implements them).
import type { Copy, DeviceStatus } from '../model/state';
import type { PlaceId } from '../model/places';
import type { TransferKind } from '../model/transfer';
import type { ImapCommand, ImapReply } from '../protocol/imap';
import type { Pop3Command, Reply } from '../protocol/pop3';
import type { Device } from '../scenario/schema';
import type { ClientMemory } from './memory';
import type { ClientFact } from '../model/clientFacts';
import type { Cost } from './cost';

/** An open IMAP connection as the client sees it: it sends a tagged command and reads the reply. */
export interface ImapWire {
  readonly greeting: string;
  /** `text`: the command as the client wrote it (without the tag), when it has it already. */
  send(tag: string, command: ImapCommand, text?: string): ImapReply;
  /** Lines the server sent unasked while the client waited in IDLE. */
  unasked(): readonly string[];
  /**
   * The connection breaks without a goodbye (no DONE, no LOGOUT): `line` is
   * written by the side that saw it break — the client's (its network or its
   * disk is gone) or the server's (it went down).
   */
  drop(dir: 'C' | 'S', line: string): void;
}

/** An open POP3 connection: one command, one reply. */
export interface Pop3Wire {
  readonly greeting: Reply;
  /** `text`: the command as the client wrote it, when it has it already. */
  send(command: Pop3Command, text?: string): Reply;
  /** The connection breaks (no QUIT). */
  drop(): void;
}

export interface Account {
  readonly id: string;
  readonly address: string;
  readonly password: string;
}

export interface ClientHost {
  readonly device: Device;
  readonly account: Account;
  readonly time: number;
  memory: ClientMemory;
  status(): DeviceStatus;
  /** The device's own disk: its folders (in the order they came to be), and their copies. */
  devicePlaces(): PlaceId[];
  folder(place: PlaceId): ReadonlyMap<string, Copy>;
  copyAt(place: PlaceId, key: string): Copy | undefined;
  put(place: PlaceId, key: string, copy: Copy): void;
  del(place: PlaceId, key: string): void;
  /** Change a local copy's flags, told as a flag change. */
  setFlags(place: PlaceId, key: string, flags: number): void;
  /** A key for a local folder that does not clash with a copy already there (a duplicate gets ~2, ~3…). */
  freeKey(place: PlaceId, mail: string): { key: string; dup?: number };
  transfer(kind: TransferKind, mail: string, from: PlaceId | null, to: PlaceId | null, key: string): void;
  /** The user deleted this mail on purpose. */
  deletedByUser(mail: string): void;
  /** Size of a message the client holds or was told of (for what the narration says). */
  sizeOf(mail: string): number;
  /** Close a frame with what the client did, as a fact: the recorder's narration writer puts it in words (recorder/narrateClient.ts). */
  report(fact: ClientFact): void;
  hasPending(): boolean;
  /** The last sync's cost, for the scorecard. */
  recordSync(cost: Cost): void;
  /** Connect and read the greeting; null when the server cannot be reached. */
  openImap(): ImapWire | null;
  openPop3(): Pop3Wire | null;
  /** Whether a connection could be made right now (a down server refuses it). */
  serverReachable(): boolean;
  /** Submit over SMTP (RFC 6409); after "250 … queued" the provider's MTA owns the mail. */
  submit(mail: string, to: readonly string[], toAddress: string | null): { port: number; refused?: 'size' | 'noAuth' };
  /** The provider's MTA delivers what was submitted (local recipients over LMTP, others to their provider). */
  deliverSubmitted(mail: string, to: readonly string[], toAddress: string | null): void;
  /** A new mail this device writes comes into being. */
  compose(mail: { id: string; subject: string; to: readonly string[]; toAddress: string | null; sizeBytes: number }): void;
}

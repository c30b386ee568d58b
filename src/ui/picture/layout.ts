// Where every place sits in the picture: a pure function of the scenario's world,
// the places its timeline ever uses (with the most copies each ever holds) and
// the width available. It does not change while a scenario plays, so nothing
// jumps; it is recomputed only when the width or the scenario changes.
import { newProviderMailbox, type World } from '../../sim';
import { DESK, type Point, type Scale } from './geometry';

export type RegionKind = 'server' | 'device' | 'webmail' | 'sender' | 'serverBackup' | 'intruder' | 'lost';

export interface Region {
  readonly kind: RegionKind;
  /** Device id for devices and webmail; account for nothing else. */
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface FolderBox {
  readonly place: string;
  /** The folder's own name ("INBOX", "Outbox", "queue", an address…). */
  readonly name: string;
  readonly region: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly cols: number;
  readonly rows: number;
  /** Slot pitch and name band, from the scale the layout was made for. */
  readonly cell: number;
  readonly labelH: number;
  readonly inset: number;
}

export interface Gauge {
  readonly account: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
}

export interface Layout {
  readonly width: number;
  readonly height: number;
  readonly regions: readonly Region[];
  readonly folders: ReadonlyMap<string, FolderBox>;
  readonly gauges: readonly Gauge[];
  /** Where mail from the Internet comes from. */
  readonly internet: Point;
  readonly deviceOrigin: ReadonlyMap<string, Point>;
  /** The pseudo-place for mail that no longer exists anywhere. */
  readonly lostPlace: string;
  readonly scale: Scale;
}

export const LOST_PLACE = 'lost';

export interface LayoutInput {
  readonly world: Pick<World, 'accounts' | 'devices'>;
  /** Every place the timeline uses, with the most copies it ever holds at once. */
  readonly places: ReadonlyMap<string, number>;
  readonly width: number;
  readonly lostMax: number;
  readonly intruder: boolean;
  /** Desk (default) or projector sizes. */
  readonly scale?: Scale;
  /** A replaced POP3 account's folders and the old-pop3 twins their mail moved to (rule 80): one box each. */
  readonly replaced?: ReadonlyMap<string, { readonly by: string; readonly from: number }>;
}

const SERVER_ORDER = ['INBOX', 'Sent', 'Drafts', 'Trash', 'Archive'];
const POP3_ORDER = ['Inbox', 'Outbox', 'Sent', 'Trash'];

function folderRank(name: string, order: string[]): number {
  const i = order.indexOf(name);
  return i < 0 ? order.length : i;
}

function sortFolders(names: string[], order: string[]): string[] {
  return [...new Set(names)].sort((a, b) => folderRank(a, order) - folderRank(b, order) || a.localeCompare(b));
}

/** Grid size for a folder: as many columns as fit, as many rows as it ever needs up to a cap. */
function grid(sc: Scale, width: number, most: number, maxRows: number): { cols: number; rows: number } {
  const cols = Math.max(1, Math.floor((width - 2 * sc.pad) / sc.cell));
  const rows = Math.max(1, Math.min(maxRows, Math.ceil(Math.max(1, most) / cols)));
  return { cols, rows };
}

const folderHeight = (sc: Scale, rows: number) => sc.folderLabel + rows * sc.cell + 4;

/**
 * Folders stacked in a region, top to bottom; with more than one column (the
 * projector scale, in a wide region) each folder goes into the column that
 * ends highest, so a device with five folders is not five folders tall.
 */
class Stack {
  private readonly tops: number[];
  readonly folders: FolderBox[] = [];
  constructor(
    readonly sc: Scale,
    readonly x: number,
    readonly w: number,
    top: number,
    readonly region: string,
    readonly columns = 1,
  ) {
    this.tops = Array.from({ length: Math.max(1, columns) }, () => top);
  }
  get y(): number {
    return Math.max(...this.tops);
  }
  add(place: string, name: string, most: number, maxRows: number) {
    const gap = this.sc.pad;
    const colW = (this.w - gap * (this.tops.length - 1)) / this.tops.length;
    const col = this.tops.indexOf(Math.min(...this.tops));
    const x = this.x + col * (colW + gap);
    const { cols, rows } = grid(this.sc, colW, most, maxRows);
    const h = folderHeight(this.sc, rows);
    this.folders.push({ place, name, region: this.region, x, y: this.tops[col], w: colW, h, cols, rows, cell: this.sc.cell, labelH: this.sc.folderLabel, inset: this.sc.pad });
    this.tops[col] += h + 2;
  }
}

/** How many columns of folders a region of this width holds (one at desk scale). */
const columnsFor = (sc: Scale, width: number, folders: number) => (sc.name === 'projector' ? Math.max(1, Math.min(3, folders, Math.floor(width / 175))) : 1);

export function computeLayout(input: LayoutInput): Layout {
  const sc = input.scale ?? DESK;
  const { pad: PAD, gap: GAP, header: HEADER } = sc;
  const width = Math.max(320, Math.round(input.width));
  const wide = width >= 640;
  const regions: Region[] = [];
  const folders = new Map<string, FolderBox>();
  const gauges: Gauge[] = [];
  const deviceOrigin = new Map<string, Point>();
  const places = [...input.places.keys()];
  const most = (p: string) => input.places.get(p) ?? 0;
  const addAll = (list: FolderBox[]) => list.forEach((f) => folders.set(f.place, f));

  // Top band: sender | server | backup + intruder (stacked when narrow).
  const colW = wide ? Math.round(width * 0.2) : width;
  const sideW = wide ? Math.round(width * 0.24) : width;
  const serverW = wide ? width - colW - sideW - 2 * GAP : width;
  const top = 0;

  // Sender: other providers' mailboxes.
  // Their servers' queues too (queue/<domain>): what the MX refused at RCPT TO for now waits there (rule 64).
  const senderPlaces = places.filter((p) => p.startsWith('outside/') || p.startsWith('queue/')).sort();
  const sender = new Stack(sc, PAD, colW - 2 * PAD, top + HEADER, 'sender');
  for (const p of senderPlaces) sender.add(p, p.startsWith('queue/') ? p : p.slice('outside/'.length), most(p), 2);
  const senderH = senderPlaces.length ? sender.y - top + PAD : HEADER + (wide ? 30 : 2);
  const senderRegion: Region = { kind: 'sender', id: 'sender', x: 0, y: top, w: colW, h: senderH };
  const internet = { x: colW / 2, y: top + HEADER - 14 };

  // Server: one column per account, its folders stacked, a quota gauge on top.
  const serverX = wide ? colW + GAP : 0;
  const serverTop = wide ? top : top + senderH + GAP;
  // While a provider move over days keeps two mailboxes, the new provider's
  // (server/<account>@new/…, rule 87) stands as a column of its own beside the old one.
  const accounts = input.world.accounts.flatMap((a) => (places.some((p) => p.startsWith(`server/${newProviderMailbox(a.id)}/`)) ? [a.id, newProviderMailbox(a.id)] : [a.id]));
  const accW = (serverW - PAD * (accounts.length + 1)) / Math.max(1, accounts.length);
  let serverBottom = serverTop + HEADER + 40;
  accounts.forEach((acc, i) => {
    const x = serverX + PAD + i * (accW + PAD);
    gauges.push({ account: acc, x, y: serverTop + HEADER, w: accW });
    const names = places.filter((p) => p.startsWith(`server/${acc}/`)).map((p) => p.slice(`server/${acc}/`.length));
    const serverFolders = sortFolders(['INBOX', ...names], SERVER_ORDER);
    const stack = new Stack(sc, x, accW, serverTop + HEADER + sc.gauge, 'server', columnsFor(sc, accW, serverFolders.length));
    for (const name of serverFolders) {
      const place = `server/${acc}/${name}`;
      stack.add(place, name, most(place), name === 'INBOX' ? 5 : 3);
    }
    addAll(stack.folders);
    serverBottom = Math.max(serverBottom, stack.y + PAD);
  });
  // The provider's MX queue, under the mailboxes: a mail Dovecot refused for now
  // over LMTP (452) waits there for the MX's next try (rule 66), at the provider.
  if (places.includes('queue')) {
    const stack = new Stack(sc, serverX + PAD, serverW - 2 * PAD, serverBottom, 'server');
    stack.add('queue', 'queue', most('queue'), 2);
    addAll(stack.folders);
    serverBottom = stack.y + PAD;
  }
  regions.push({ kind: 'server', id: 'server', x: serverX, y: serverTop, w: serverW, h: serverBottom - serverTop });

  // Provider backup and the intruder.
  const sideX = wide ? serverX + serverW + GAP : 0;
  let sideY = wide ? top : serverBottom + GAP;
  const backupPlaces = places.filter((p) => p.startsWith('backup/server/'));
  if (backupPlaces.length) {
    const stack = new Stack(sc, sideX + PAD, sideW - 2 * PAD, sideY + HEADER, 'serverBackup');
    for (const p of backupPlaces.sort()) stack.add(p, p.slice('backup/server/'.length).replace(/\//, ' · '), most(p), 2);
    addAll(stack.folders);
    const h = stack.y - sideY + PAD;
    regions.push({ kind: 'serverBackup', id: 'serverBackup', x: sideX, y: sideY, w: sideW, h });
    sideY += h + GAP;
  }
  if (input.intruder) {
    const stack = new Stack(sc, sideX + PAD, sideW - 2 * PAD, sideY + HEADER, 'intruder');
    stack.add('intruder', '', most('intruder'), 3);
    addAll(stack.folders);
    const h = stack.y - sideY + PAD;
    regions.push({ kind: 'intruder', id: 'intruder', x: sideX, y: sideY, w: sideW, h });
    sideY += h + GAP;
  }
  // Lost: when wide, in the side column under backup and intruder, so the
  // picture stays short enough for a projector; when narrow, at the bottom.
  if (wide) {
    const lostStack = new Stack(sc, sideX + PAD, sideW - 2 * PAD, sideY + HEADER - 8, 'lost');
    lostStack.add(LOST_PLACE, '', input.lostMax, 2);
    addAll(lostStack.folders);
    const h = lostStack.y - sideY + PAD;
    regions.push({ kind: 'lost', id: 'lost', x: sideX, y: sideY, w: sideW, h });
    sideY += h + GAP;
  }
  addAll(sender.folders);
  regions.push(senderRegion);

  const bandBottom = wide ? Math.max(senderH, serverBottom - top, sideY - GAP - top) + top : Math.max(serverBottom, sideY - GAP);

  // Devices in a grid of up to three columns.
  const devices = input.world.devices;
  const perRow = Math.max(1, Math.min(devices.length, Math.floor(width / sc.minDeviceW), sc.maxDevicesPerRow));
  const rowsOfDevices = Math.ceil(devices.length / perRow);
  const cols = Math.ceil(devices.length / Math.max(1, rowsOfDevices));
  const devW = (width - GAP * (cols - 1)) / Math.max(1, cols);
  let y = bandBottom + GAP * 3;
  for (let r = 0; r < rowsOfDevices; r++) {
    let rowH = 0;
    const row = devices.slice(r * cols, r * cols + cols);
    row.forEach((d, c) => {
      const x = c * (devW + GAP);
      deviceOrigin.set(d.id, { x: x + devW / 2, y: y + 12 });
      if (d.kind === 'webmail') {
        const h = HEADER + sc.note;
        regions.push({ kind: 'webmail', id: d.id, x, y, w: devW, h });
        rowH = Math.max(rowH, h);
        return;
      }
      const twins = new Set([...(input.replaced?.values() ?? [])].map((r) => r.by));
      const local = places.filter((p) => p.startsWith(`device/${d.id}/`) && !twins.has(p)).map((p) => p.slice(`device/${d.id}/`.length));
      const order = d.protocol === 'pop3' ? POP3_ORDER : [...SERVER_ORDER, 'Outbox'];
      const deviceFolders = sortFolders([d.protocol === 'pop3' ? 'Inbox' : 'INBOX', ...local], order);
      const backups = places.filter((p) => p.startsWith(`backup/${d.id}/`)).sort();
      const stack = new Stack(sc, x + PAD, devW - 2 * PAD, y + HEADER, 'device', columnsFor(sc, devW - 2 * PAD, deviceFolders.length + backups.length));
      for (const name of deviceFolders) {
        const place = `device/${d.id}/${name}`;
        stack.add(place, name, most(place), 3);
      }
      for (const p of backups) stack.add(p, p.slice(`backup/${d.id}/`.length), most(p), 2);
      addAll(stack.folders);
      const h = stack.y - y + PAD;
      regions.push({ kind: 'device', id: d.id, x, y, w: devW, h });
      rowH = Math.max(rowH, h);
    });
    y += rowH + GAP;
  }
  if (!devices.length) y += GAP;

  let lostH = 0;
  if (!wide) {
    const lostStack = new Stack(sc, PAD, width - 2 * PAD, y + HEADER - 8, 'lost');
    lostStack.add(LOST_PLACE, '', input.lostMax, 2);
    addAll(lostStack.folders);
    lostH = lostStack.y - y + PAD;
    regions.push({ kind: 'lost', id: 'lost', x: 0, y, w: width, h: lostH });
  }

  // The twin's mail is drawn in the box of the folder it moved from.
  for (const [from, { by }] of input.replaced ?? []) {
    const box = folders.get(from);
    if (box) folders.set(by, box);
  }
  return { width, height: Math.ceil(y - (wide ? GAP : 0) + lostH + 2), regions, folders, gauges, internet, deviceOrigin, lostPlace: LOST_PLACE, scale: sc };
}

/** Centre of slot i in a folder (row-major). */
export function slotPoint(f: FolderBox, i: number): Point {
  const col = i % f.cols;
  const row = Math.floor(i / f.cols);
  return { x: f.x + f.inset + col * f.cell + f.cell / 2, y: f.y + f.labelH + row * f.cell + f.cell / 2 };
}

export const capacity = (f: FolderBox) => f.cols * f.rows;

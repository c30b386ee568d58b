// fast-check arbitraries for random but possible worlds and step lists. A
// scenario is generated from plain random choices and then resolved in one
// pass that keeps track of which mails exist, so every step names a device and
// a mail that are there, times never go back, and shrinking works on the
// choices (a shrunk scenario is still a valid one).
import fc from 'fast-check';
import type { ScenarioInput } from '../../src/sim/scenario/schema';
import { formatTime } from '../../src/sim/scenario/time';

type WorldInput = ScenarioInput['world'];
type DeviceInput = WorldInput['devices'][number];
type StepInput = ScenarioInput['steps'][number];

const ACCOUNTS = [
  { id: 'alice', address: 'alice@example.org' },
  { id: 'carol', address: 'carol@example.org' },
] as const;
const OUTSIDE_SENDER = 'bob@example.com';
const OUTSIDE_RECIPIENT = 'dan@example.net';
/** Server folders a move may name; "Nowhere" does not exist (NO [TRYCREATE]). */
const MOVE_TARGETS = ['Archive', 'Trash', 'INBOX', 'Projects', 'Nowhere'] as const;
/** The one local folder name; it never clashes with a server folder. */
export const LOCAL_FOLDER = 'Keep';
const SIZES_KB = [1, 4, 16, 60] as const;
/** Minutes between steps: often the same minute, sometimes a day or two. */
const GAPS = [0, 0, 5, 30, 120, 480, 1440, 2880] as const;
/** The first step: day 1, 08:00. */
const START = 8 * 60;

const accountArb = (index: number) =>
  fc
    .record(
      {
        storageKB: fc.option(fc.integer({ min: 6, max: 160 }), { nil: undefined }),
        messages: fc.option(fc.integer({ min: 2, max: 20 }), { nil: undefined }),
      },
      { requiredKeys: [] },
    )
    .chain((quota) => fc.boolean().map((hasQuota) => ({ ...ACCOUNTS[index], ...(hasQuota && (quota.storageKB || quota.messages) ? { quota: clean(quota) } : {}) })));

function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const serverArb = fc.record({
  quotaGracePercent: fc.constantFrom(0, 10, 25),
  quotaFull: fc.constantFrom('permanent' as const, 'temporary' as const),
  queueLifetimeDays: fc.integer({ min: 1, max: 5 }),
  retryEveryMinutes: fc.constantFrom(60, 240),
  backup: fc.constantFrom('none' as const, 'daily' as const),
});

const pop3PolicyArb = fc
  .record({
    leaveOnServer: fc.boolean(),
    deleteAfterDays: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
    deleteOnServerWhen: fc.constantFrom('never' as const, 'deletedLocally' as const, 'deletedFromTrash' as const),
    headersOnly: fc.boolean(),
  })
  // "For at most N days" exists only with leave-on-server (the loader says so too).
  .map((p) => (p.leaveOnServer ? p : { ...p, deleteAfterDays: null }));

const imapPolicyArb = fc.record({
  cache: fc.constantFrom('none' as const, 'headers' as const, 'full' as const),
  deleteAction: fc.constantFrom('trash' as const, 'mark' as const, 'expunge' as const),
  saveSent: fc.boolean(),
  useMove: fc.boolean(),
  idle: fc.boolean(),
});

const deviceSeedArb = fc.record({
  kind: fc.constantFrom('desktop' as const, 'laptop' as const, 'phone' as const, 'tablet' as const, 'webmail' as const),
  imap: fc.boolean(),
  account: fc.nat(),
  pop3: pop3PolicyArb,
  imapPolicy: imapPolicyArb,
  online: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
  backup: fc.boolean(),
  checkEveryMinutes: fc.constantFrom(null, null, null, 720, 1440),
  localFolder: fc.boolean(),
});

export const worldArb: fc.Arbitrary<WorldInput> = fc
  .record({
    accounts: fc.integer({ min: 1, max: 2 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => accountArb(i)))),
    server: serverArb,
    projects: fc.boolean(),
    devices: fc.array(deviceSeedArb, { minLength: 1, maxLength: 5 }),
  })
  .map(({ accounts, server, projects, devices }) => ({
    server,
    accounts,
    folders: projects ? ['Projects'] : [],
    devices: devices.map((d, i): DeviceInput => {
      const webmail = d.kind === 'webmail';
      const protocol = webmail || d.imap ? 'imap' : 'pop3';
      return {
        id: `${d.kind}${i + 1}`,
        kind: d.kind,
        account: accounts[d.account % accounts.length].id,
        protocol,
        pop3: d.pop3,
        imap: d.imapPolicy,
        // Webmail is a window onto the server: always there, nothing local.
        online: webmail ? true : d.online,
        backup: !webmail && d.backup ? 'daily' : 'none',
        checkEveryMinutes: d.checkEveryMinutes,
        localFolders: !webmail && d.localFolder ? [LOCAL_FOLDER] : [],
      };
    }),
  }));

const STEP_KINDS = {
  arrive: 8,
  burst: 1,
  check: 8,
  read: 3,
  open: 1,
  delete: 3,
  move: 3,
  emptyTrash: 1,
  send: 3,
  goOffline: 1,
  goOnline: 2,
  diskFail: 1,
  restoreBackup: 1,
  breach: 1,
  serverDiskFail: 1,
  serverRestore: 1,
  freeSpace: 1,
  providerMove: 1,
  wait: 1,
} as const;
type StepKind = keyof typeof STEP_KINDS;

const rawStepArb = fc.record({
  kind: fc.oneof(...(Object.entries(STEP_KINDS) as Array<[StepKind, number]>).map(([kind, weight]) => ({ arbitrary: fc.constant(kind), weight }))),
  gap: fc.constantFrom(...GAPS),
  a: fc.nat(99),
  b: fc.nat(99),
  c: fc.nat(99),
  x: fc.boolean(),
  y: fc.boolean(),
});
export type RawStep = typeof rawStepArb extends fc.Arbitrary<infer T> ? T : never;

/** Turn random choices into steps that refer only to devices and mails that exist. */
export function resolveSteps(world: WorldInput, raw: readonly RawStep[]): StepInput[] {
  const devices = world.devices;
  const accounts = world.accounts.map((a) => a.id);
  const mails: string[] = [];
  const steps: StepInput[] = [];
  let time = START;
  let arrived = 0;
  let bursts = 0;
  let sent = 0;
  const at = () => formatTime(time);
  const pickAccounts = (n: number) => (n % 3 === 2 && accounts.length > 1 ? [...accounts] : [accounts[n % accounts.length]]);

  for (const r of raw) {
    time += r.gap;
    const device = devices[r.a % devices.length];
    const webmail = device.kind === 'webmail';
    let kind: StepKind = r.kind;
    const needsMail = kind === 'read' || kind === 'open' || kind === 'delete' || kind === 'move';
    if (needsMail && mails.length === 0) kind = 'arrive';
    if (webmail && (kind === 'goOffline' || kind === 'diskFail' || kind === 'restoreBackup')) kind = 'check';
    const mail = mails[r.b % Math.max(1, mails.length)];

    switch (kind) {
      case 'arrive': {
        const id = `m${++arrived}`;
        mails.push(id);
        const from = r.x && accounts.length > 1 ? world.accounts[(r.c + 1) % accounts.length].address : OUTSIDE_SENDER;
        steps.push({ at: at(), do: 'mail.arrive', mail: { id, from, to: pickAccounts(r.b), subject: `Mail ${id}`, sizeKB: SIZES_KB[r.c % SIZES_KB.length] } });
        break;
      }
      case 'burst': {
        const prefix = `b${++bursts}-`;
        const count = 2 + (r.b % 5);
        for (let k = 1; k <= count; k++) mails.push(`${prefix}${k}`);
        steps.push({ at: at(), do: 'mail.burst', prefix, count, everyMinutes: [30, 120, 600][r.c % 3], from: OUTSIDE_SENDER, to: pickAccounts(r.a), sizeKB: SIZES_KB[r.c % SIZES_KB.length] });
        break;
      }
      case 'check':
        steps.push({ at: at(), do: 'device.check', device: device.id, dropBeforeQuit: r.x && r.y });
        break;
      case 'read':
        steps.push({ at: at(), do: 'device.read', device: device.id, mail });
        break;
      case 'open':
        steps.push({ at: at(), do: 'device.open', device: device.id, mail });
        break;
      case 'delete':
        steps.push({ at: at(), do: 'device.delete', device: device.id, mail });
        break;
      case 'move': {
        const local = r.x && !webmail;
        const folder = local ? LOCAL_FOLDER : MOVE_TARGETS[r.c % MOVE_TARGETS.length];
        steps.push({ at: at(), do: 'device.move', device: device.id, mail, folder, local });
        break;
      }
      case 'emptyTrash':
        steps.push({ at: at(), do: 'device.emptyTrash', device: device.id });
        break;
      case 'send': {
        const id = `s${++sent}`;
        mails.push(id);
        const to = r.b % 3 === 0 ? [] : pickAccounts(r.b);
        const toAddress = to.length === 0 || r.x ? OUTSIDE_RECIPIENT : undefined;
        steps.push({
          at: at(),
          do: 'device.send',
          device: device.id,
          mail: { id, to, subject: `Mail ${id}`, sizeKB: SIZES_KB[r.c % SIZES_KB.length], ...(toAddress ? { toAddress } : {}) },
          bccSelf: r.y,
        });
        break;
      }
      case 'goOffline':
        steps.push({ at: at(), do: 'device.goOffline', device: device.id });
        break;
      case 'goOnline':
        steps.push({ at: at(), do: 'device.goOnline', device: device.id });
        break;
      case 'diskFail':
        steps.push({ at: at(), do: 'device.diskFail', device: device.id });
        break;
      case 'restoreBackup':
        steps.push({ at: at(), do: 'device.restoreBackup', device: device.id });
        break;
      case 'breach':
        steps.push({ at: at(), do: 'server.breach' });
        break;
      case 'serverDiskFail':
        steps.push({ at: at(), do: 'server.diskFail' });
        break;
      case 'serverRestore':
        steps.push({ at: at(), do: 'server.restoreBackup' });
        break;
      case 'freeSpace':
        steps.push({ at: at(), do: 'server.freeSpace', account: accounts[r.b % accounts.length], count: 1 + (r.c % 3) });
        break;
      case 'providerMove':
        steps.push({ at: at(), do: 'provider.move', copyMailboxes: r.x });
        break;
      case 'wait':
        steps.push({ at: at(), do: 'world.wait' });
        break;
    }
  }
  return steps;
}

export function scenarioOf(world: WorldInput, steps: StepInput[], id = 'generated'): ScenarioInput {
  return { id, title: { de: 'Zufallswelt', en: 'Random world' }, summary: { de: 'Erzeugt', en: 'Generated' }, world, steps };
}

/** A random world with 10–40 random steps over a few days. */
export const scenarioArb: fc.Arbitrary<ScenarioInput> = fc
  .tuple(worldArb, fc.array(rawStepArb, { minLength: 10, maxLength: 40 }))
  // Steps pick devices and mails by index modulo what exists, so any world fits any
  // choices and fast-check can shrink both independently.
  .map(([world, raw]) => scenarioOf(world, resolveSteps(world, raw)));

/**
 * The scenario with a settling tail one minute after its last step: every IMAP
 * device comes online and checks, twice (the first round replays what was
 * queued offline and may change the server; the second only catches up).
 */
export function withFinalImapChecks(s: ScenarioInput): ScenarioInput {
  const last = s.steps.length ? s.steps[s.steps.length - 1].at : formatTime(START);
  const [, day, hh, mm] = /^day (\d+), (\d\d):(\d\d)$/.exec(last)!;
  const end = formatTime((Number(day) - 1) * 1440 + Number(hh) * 60 + Number(mm) + 1);
  const imap = s.world.devices.filter((d) => d.protocol === 'imap');
  const tail: StepInput[] = [];
  for (const d of imap) if (d.kind !== 'webmail') tail.push({ at: end, do: 'device.goOnline', device: d.id });
  for (let round = 0; round < 2; round++) for (const d of imap) tail.push({ at: end, do: 'device.check', device: d.id });
  return { ...s, steps: [...s.steps, ...tail] };
}

// npm run test:conformance [-- SCENARIO[:VARIANT] ...] [--verbose] [--all] [--tls=off|required]
//
// Replays every built-in scenario (scenarios/*.json) under every variant
// against a real Dovecot 2.3 started privately on 127.0.0.1 (installed from
// Debian's packages when missing), prints a readable diff for every
// disagreement and the summary line
//   conformance: N of M scenarios, K of L steps agree (dovecot 2.3.19, tls required; postfix 3.7)
// Before that the harness checks itself on hand-written transcripts: the IMAP/LMTP
// paths (selfcheck.ts), TLS as production runs it against a Dovecot with
// ssl = required (selfcheck-tls.ts), and the delivery side against a private
// Postfix from Debian's package in front of that Dovecot (selfcheck-mta.ts).
// --tls (or CONFORMANCE_TLS) says how the scenarios' Dovecot treats TLS:
// 'required' (production: STARTTLS first, implicit TLS on 993/995, and every
// submission replayed against a private Postfix with the scenario's
// message_size_limit) or 'off' (the old test bench: ssl = no, SMTP not
// compared). The default is DEFAULT_TLS below.
// A "step" in that line is one scenario step, the start, or a run of scheduled
// events between two steps (a burst's deliveries, retries, nightly backups): the
// server state is compared after each, and every reply within it.
// Environment: CONFORMANCE_JOBS (replay workers, each with its own Dovecot; 2),
// CONFORMANCE_PORT_BASE (fixed ports instead of free ones), CONFORMANCE_TLS.
// Servers' directories live in /dev/shm/mss-conformance-PID, in memory (or
// /tmp/mss-conformance-PID where there is no tmpfs with room; RUNS_BASE in
// dovecot.ts; short: unix socket paths are limited to 108 bytes) and are
// removed after a run that agrees.
// Exit codes: 0 all agree (or differ only as listed in
// conformance/known-differences.json), 1 a disagreement or a failure,
// 3 Dovecot or Postfix is missing and cannot be installed here (the test
// runner may skip it outside CI).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { choosePorts, Dovecot, DovecotMissing, freePorts, makeCertificate, MAIL_HOSTNAME, ROOT, runDirectory, type Certificate, type TlsMode, type UserSpec } from './dovecot';
import { inboxMessages, Postfix, PostfixMissing } from './postfix';
import type { PostfixOptions } from './postfix-config';
import { CHECK_QUEUE, MTA_ADDRESSES, MTA_USERS, mtaSelfCheck, type MtaCheck } from './selfcheck-mta';
import { tlsSelfCheck } from './selfcheck-tls';
import type { TlsTrust } from './wire';
import { rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { KNOWN_FILE, loadKnown, matchKnown, type KnownDifference } from './known';
import { formatDiff } from './normalise';
import { Replayer, type Disagreement, type FrameLike, type LineLike, type ReplayResult } from './replay';
import { selfCheck } from './selfcheck';
import { expectedLines, HOLD_OUTSIDE_MAIL, queueFates, realLines, type QueueFate, type RefusedDelivery, type Roomy } from './mx-delivery';

interface SimApi {
  simulate: (scenario: unknown, options?: { variant?: string }) => { frames: readonly unknown[] };
  loadScenarioText: (file: string, text: string) => { ok: true; scenario: ScenarioLike } | { ok: false; problems: { file: string; path: string; message: string }[] };
  withVariant: (s: ScenarioLike, name: string | undefined) => ScenarioLike;
  frameLines: (frame: never) => LineLike[];
}

interface ScenarioLike {
  readonly id: string;
  readonly variants: Record<string, unknown>;
  readonly world: {
    readonly server: { readonly quotaGracePercent: number; readonly quotaFull: 'permanent' | 'temporary'; readonly pop3LockSession: boolean; readonly messageSizeLimit: number; readonly quotaCheck?: 'lmtp' | 'rcpt' };
    readonly accounts: readonly { id: string; address: string; password: string; quota?: { storageKB?: number; messages?: number } }[];
    readonly folders: ReadonlyArray<string | { readonly id: string }>;
  };
}

const STANDARD_FOLDERS = ['INBOX', 'Sent', 'Drafts', 'Trash', 'Archive'];

/** Dovecot's quota_status_overquota for a scenario that checks quota at RCPT TO (rule 64). */
type QuotaStatus = '452 4.2.2 Mailbox is full' | '552 5.2.2 Mailbox is full';

/** Ports for a Dovecot beside the generation-numbered ones (CONFORMANCE_PORT_BASE does not cover it). */
async function freeDovecotPorts() {
  const [imap, pop3, lmtp, imaps, pop3s] = await freePorts(5);
  return { imap, pop3, lmtp, imaps, pop3s };
}

/**
 * How the scenarios' Dovecot treats TLS unless --tls / CONFORMANCE_TLS says
 * otherwise: 'required', as production runs it. The model speaks implicit TLS
 * and STARTTLS/STLS and writes the handshake line (selfcheck-tls.ts); with
 * 'required' the submission dialogues are replayed against a private Postfix
 * too. 'off' is the old test bench (plaintext logins allowed, SMTP not compared).
 */
export const DEFAULT_TLS: TlsMode = 'required';

function tlsMode(args: readonly string[]): TlsMode {
  const flag = args.find((a) => a.startsWith('--tls='))?.slice('--tls='.length);
  const mode = flag ?? process.env.CONFORMANCE_TLS ?? DEFAULT_TLS;
  if (mode !== 'off' && mode !== 'required') throw new Error(`--tls / CONFORMANCE_TLS must be off or required, not ${JSON.stringify(mode)}`);
  return mode;
}

/** Dovecot, then Postfix, installed from Debian's packages where missing (exit 3: cannot be). */
function installPackages() {
  for (const [name, Missing] of [['dovecot', DovecotMissing], ['postfix', PostfixMissing]] as const) {
    const r = spawnSync('bash', [path.join(ROOT, 'scripts', `${name}.sh`), 'install'], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
    if (r.status === 3) throw new Missing(r.stderr.trim());
    if (r.status !== 0) throw new Error(`scripts/${name}.sh install failed (exit ${r.status}):\n${r.stderr}`);
    if (r.stderr.trim()) console.error(r.stderr.trim());
  }
}

/** "2.3.19.1" → "2.3.19", "3.7.11" → "3.7" (as the summary names them). */
const shortVersion = (v: string, parts: number) => v.split('.').slice(0, parts).join('.');

function usersOf(s: ScenarioLike): UserSpec[] {
  return s.world.accounts.map((a) => ({
    login: a.id,
    password: a.password,
    quota: a.quota,
    gracePercent: s.world.server.quotaGracePercent,
    tempfail: s.world.server.quotaFull === 'temporary',
    pop3Lock: s.world.server.pop3LockSession,
  }));
}

const stepName = (d: { step: number }) => (d.step === -1 ? 'start' : d.step === -2 ? 'scheduled event' : `step ${d.step}`);
const minutes = (t: number) => `day ${Math.floor(t / 1440) + 1}, ${String(Math.floor((t % 1440) / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;

/** What a disagreement says, with the numbers taken out. */
function shapeOf(d: Disagreement): string {
  const changed = d.diff.filter((l) => l.op !== ' ').map((l) => `${l.op}${l.text}`);
  return [d.kind, d.protocol, d.where.replace(/#\d+/, ''), d.command, d.note, ...changed].join('\n').replace(/\d+/g, 'N');
}

function printDisagreement(d: Disagreement, known: KnownDifference | null) {
  const head = `── ${d.scenario}${d.variant ? ` [${d.variant}]` : ''} · ${stepName(d)} (${minutes(d.time)}) · ${JSON.stringify(d.frame)} · ${d.where}`;
  console.log(head);
  if (d.command !== null) console.log(`    after ${JSON.stringify(d.command)}:`);
  if (d.note) console.log(`    ${d.note}`);
  // Submission lines are Postfix's answers; everything else Dovecot's.
  if (d.diff.length) console.log(d.protocol === 'SMTP' ? formatDiff(d.diff, '    ', { ' ': 'both    | ', '-': 'model   | ', '+': 'postfix | ' }) : formatDiff(d.diff));
  if (known) console.log(`    (known difference "${known.id}": ${known.reason})`);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const maxShown = args.includes('--all') ? Infinity : 8;
  const only = args.filter((a) => !a.startsWith('--'));
  const t0 = Date.now();
  const tls = tlsMode(args);

  let sim: SimApi;
  try {
    sim = (await import('../src/sim/index')) as unknown as SimApi;
  } catch (err) {
    console.error(`conformance: cannot load the simulation (src/sim/index.ts): ${(err as Error).message}`);
    return 1;
  }
  const known = loadKnown();
  // The header size the model shows in BODY[HEADER] literals (until MailInfo carries it).
  let headerBytes: ((size: number) => number) | undefined;
  try {
    headerBytes = ((await import('../src/sim/server/imapServer')) as { headerBytes?: (size: number) => number }).headerBytes;
  } catch {
    headerBytes = undefined;
  }

  // Scenarios and their runs.
  const dir = path.join(ROOT, 'scenarios');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .sort();
  const runs: { file: string; scenario: ScenarioLike; variant: string | null }[] = [];
  const loadProblems: string[] = [];
  for (const file of files) {
    const loaded = sim.loadScenarioText(file, readFileSync(path.join(dir, file), 'utf8'));
    if (!loaded.ok) {
      loadProblems.push(...loaded.problems.map((p) => `${p.file}: ${p.path}: ${p.message}`));
      continue;
    }
    const s = loaded.scenario;
    for (const variant of [null, ...Object.keys(s.variants)]) {
      const name = `${s.id}:${variant ?? 'base'}`;
      if (only.length && !only.some((o) => o === s.id || o === name || o === file)) continue;
      runs.push({ file, scenario: s, variant });
    }
  }
  const scenarioIds = [...new Set(runs.map((r) => r.scenario.id))];

  // Dovecot: per worker one instance per server generation, started when first needed
  // (the first one now: it installs Dovecot if missing).
  const jobs = Math.max(1, Math.min(Number(process.env.CONFORMANCE_JOBS ?? 2) || 1, runs.length || 1));
  const servers = new Map<string, Dovecot>();
  let postfix: Postfix | null = null;
  /** The Postfixes the submission dialogues are replayed against: one per worker and message_size_limit. */
  const submissionServers = new Map<string, Promise<Postfix>>();
  const stopAll = async () => {
    // Postfix first: it hands mail to Dovecot (and asks it for SASL).
    const submitted = await Promise.allSettled([...submissionServers.values()]);
    const started = submitted.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const mta = await Promise.allSettled([...(postfix ? [postfix.stop()] : []), ...started.map((p) => p.stop())]);
    const results = [...mta, ...(await Promise.allSettled([...servers.values()].map((s) => s.stop())))];
    for (const r of results) if (r.status === 'rejected') console.error(`conformance: ${(r.reason as Error).message}`);
  };
  const submissionDirs: string[] = [];
  const onSignal = () => {
    for (const dir of [...(postfix ? [postfix.dir] : []), ...submissionDirs]) spawnSync('bash', [path.join(ROOT, 'scripts', 'postfix.sh'), 'stop', dir], { stdio: 'ignore' });
    for (const s of servers.values()) {
      try {
        s.stopSync();
      } catch (err) {
        console.error(`conformance: ${(err as Error).message}`);
      }
    }
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const runDir = runDirectory();
  let certificate: Certificate | null = null;
  let trust: TlsTrust | null = null;
  let dovecotVersion = '';
  /** `quotaStatus`: a Dovecot of its own with the quota-status service answering a full mailbox so (rule 64). */
  const startServer = async (worker: number, g: number, quotaStatus?: QuotaStatus): Promise<Dovecot> => {
    const name = `w${worker}-gen${g}${quotaStatus ? `-qs${quotaStatus.slice(0, 3)}` : ''}`;
    let s = servers.get(name);
    if (!s) {
      s = new Dovecot(name, runDir, quotaStatus ? await freeDovecotPorts() : await choosePorts(g), tls, tls === 'required' ? certificate : null, quotaStatus ? { port: (await freePorts(1))[0], overquota: quotaStatus } : null);
      servers.set(name, s);
      const banner = await s.start();
      dovecotVersion ||= /^dovecot (\S+)/.exec(banner)?.[1] ?? '';
      if (verbose || servers.size === 1) console.log(`conformance: ${banner}`);
    }
    return s;
  };
  /**
   * Start a Postfix on fresh ports, trying other ports twice more if it does not
   * come up (on a busy machine a port can be taken between choosing and binding).
   */
  const startPostfix = async (dir: string, count: number, options: (ports: number[]) => PostfixOptions): Promise<Postfix> => {
    for (let attempt = 1; ; attempt++) {
      const mx = new Postfix(dir, options(await freePorts(count)));
      try {
        await mx.start();
        return mx;
      } catch (err) {
        if (attempt >= 3 || err instanceof PostfixMissing) throw err;
        console.error(`conformance: Postfix in ${dir} did not start (attempt ${attempt} of 3), trying other ports: ${(err as Error).message.split('\n').filter((l) => !/not owned by root|group or other writable/.test(l)).join(' ')}`);
      }
    }
  };
  /** The production-like pair for the TLS and delivery checks: Dovecot with TLS required, Postfix in front. */
  const startProductionPair = async (): Promise<{ dovecot: Dovecot; postfix: Postfix }> => {
    const dovecot = new Dovecot('tls', runDir, await choosePorts(9), 'required', certificate);
    servers.set('tls', dovecot);
    // Known to stopAll as soon as it runs, even if Dovecot then fails to start.
    const started = startPostfix(`${runDir}/mx`, 2, ([smtpPort, submissionPort]) => ({ smtpPort, submissionPort, lmtpPort: dovecot.ports.lmtp, queue: CHECK_QUEUE, tls: certificate!, saslPath: dovecot.authSocket })).then((mx) => (postfix = mx));
    const [banner, mx] = await Promise.all([dovecot.start(), started]);
    if (verbose) console.log(`conformance: ${banner}`);
    return { dovecot, postfix: mx };
  };

  /**
   * The provider's Postfix for a worker's submission dialogues, with the
   * scenario's message_size_limit: submission (587, STARTTLS) and submissions
   * (465) as Debian's master.cf has them, SASL from the worker's Dovecot (which
   * holds the scenario's accounts), and accepted mail discarded: the model's own
   * LMTP sessions carry the delivery, replayed against Dovecot.
   */
  const submissionFor = (worker: number, limit: number) => async () => {
    const key = `w${worker}-${limit}`;
    let started = submissionServers.get(key);
    if (!started) {
      started = (async () => {
        const dovecot = await startServer(worker, 1);
        const dir = `${runDir}/pf-${key}`;
        submissionDirs.push(dir);
        return startPostfix(dir, 3, ([smtpPort, submissionPort, submissionsPort]) => ({
          smtpPort,
          submissionPort,
          submissionsPort,
          lmtpPort: dovecot.ports.lmtp,
          hostname: MAIL_HOSTNAME,
          messageSizeLimit: limit,
          tls: certificate!,
          saslPath: dovecot.authSocket,
          delivery: 'discard',
        }));
      })();
      submissionServers.set(key, started);
    }
    const mx = await started;
    return { submission: mx.options.submissionPort!, submissions: mx.options.submissionsPort! };
  };

  /**
   * The provider's MX for a worker's scenarios that check quota at RCPT TO
   * (rule 64): Postfix on port 25's stead asking that worker's quota-status
   * Dovecot, accepted mail discarded (the model's own LMTP sessions carry the
   * delivery, replayed against the same Dovecot). Without quota-status it
   * answers port 25 with the scenario's message_size_limit alone (rule 67).
   */
  const mxServers = new Map<string, Promise<Postfix>>();
  const mxFor = (worker: number, quotaStatus: QuotaStatus | undefined, limit: number) => async () => {
    const key = `w${worker}-qs${quotaStatus?.slice(0, 3) ?? 'none'}-${limit}`;
    let started = mxServers.get(key);
    if (!started) {
      started = (async () => {
        const dovecot = await startServer(worker, 1, quotaStatus);
        const dir = `${runDir}/mx-${key}`;
        submissionDirs.push(dir);
        const mx = await startPostfix(dir, 1, ([smtpPort]) => ({ smtpPort, lmtpPort: dovecot.ports.lmtp, messageSizeLimit: limit, delivery: 'discard', tls: certificate ?? undefined }));
        if (quotaStatus) await mx.checkPolicyService(dovecot.quotaStatusPort!);
        return mx;
      })();
      mxServers.set(key, started);
      submissionServers.set(key, started);
    }
    return (await started).options.smtpPort;
  };

  /**
   * The provider's MX for the delivery side (conformance/mx-delivery.ts): per
   * worker, server generation and mailbox domains a Postfix whose LMTP goes to
   * that worker's Dovecot, mail for other domains held in its queue. Checks
   * on one MX run one at a time (each empties the queue after itself).
   */
  const deliveryServers = new Map<string, { mx: Promise<Postfix>; last: Promise<unknown> }>();
  const mxDeliveryFor =
    (worker: number, quotaStatus: QuotaStatus | undefined, limit: number, domains: readonly string[], fates: ReadonlyMap<string, QueueFate>, users: readonly UserSpec[], addresses: ReadonlyMap<string, string>) =>
    async (d: RefusedDelivery, g: number) => {
      const senderDomain = d.from.split('@')[1]?.toLowerCase() ?? '';
      if (!d.from || domains.includes(senderDomain)) return null;
      const key = `w${worker}-gen${g}${quotaStatus ? `-qs${quotaStatus.slice(0, 3)}` : ''}-${limit}-${domains.join('+')}`;
      let entry = deliveryServers.get(key);
      if (!entry) {
        const mx = (async () => {
          const dovecot = await startServer(worker, g, quotaStatus);
          const dir = `${runDir}/dl-${deliveryServers.size}`;
          submissionDirs.push(dir);
          const started = await startPostfix(dir, 1, ([smtpPort]) => ({ smtpPort, lmtpPort: dovecot.ports.lmtp, messageSizeLimit: limit, domains, tls: certificate ?? undefined }));
          await started.configure(HOLD_OUTSIDE_MAIL);
          return started;
        })();
        entry = { mx, last: Promise.resolve() };
        deliveryServers.set(key, entry);
        submissionServers.set(`delivery-${key}`, mx);
      }
      const mine = entry.last.then(async () => {
        const mx = await entry.mx;
        const fate = fates.get(d.mail.id);
        return { expected: expectedLines(d, mx.options.hostname ?? 'mx.example.org', fate), real: await realLines(mx, d, fate, () => roomyFor(worker, users, addresses)) };
      });
      entry.last = mine.catch(() => undefined);
      return mine;
    };

  /** Per worker a Dovecot with room (TLS off, no quota) for a deferred mail's retry once space is freed (mx-delivery.ts). */
  const roomyFor = async (worker: number, users: readonly UserSpec[], addresses: ReadonlyMap<string, string>): Promise<Roomy> => {
    const name = `room-w${worker}`;
    let s = servers.get(name);
    if (!s) {
      s = new Dovecot(name, runDir, await freeDovecotPorts(), 'off');
      servers.set(name, s);
      await s.start();
    }
    const logins = new Map([...addresses].map(([login, address]) => [address.toLowerCase(), login]));
    await s.reset(users.map(({ quota: _quota, ...u }) => u), addresses);
    const room = s;
    return {
      lmtpPort: room.ports.lmtp,
      inbox: (address) => inboxMessages(room.ports.imap, logins.get(address.toLowerCase()) ?? address, users.find((u) => u.login === logins.get(address.toLowerCase()))?.password ?? ''),
    };
  };

  const results: ReplayResult[] = [];
  const failures: string[] = [...loadProblems.map((p) => `scenario does not load: ${p}`)];
  const replayOne = async (worker: number, r: (typeof runs)[number], timeline: { frames: readonly unknown[] }) => {
    const world = sim.withVariant(r.scenario, r.variant ?? undefined);
    const t = Date.now();
    const users = usersOf(world);
    // Quota checked at RCPT TO (rule 64): Dovecot's quota_status_overquota as the scenario's quotaFull says.
    const quotaStatus: QuotaStatus | undefined = world.world.server.quotaCheck === 'rcpt' ? (world.world.server.quotaFull === 'temporary' ? '452 4.2.2 Mailbox is full' : '552 5.2.2 Mailbox is full') : undefined;
    const addresses = new Map(world.world.accounts.map((a) => [a.id, a.address]));
    const replayer = new Replayer({
      scenario: r.scenario.id,
      variant: r.variant,
      accounts: world.world.accounts,
      extraFolders: world.world.folders.map((f) => (typeof f === 'string' ? f : f.id)).filter((f) => !STANDARD_FOLDERS.includes(f)),
      frames: timeline.frames as readonly FrameLike[],
      linesOf: (f) => sim.frameLines(f as never),
      headerBytes,
      tls: tls === 'required' ? (trust ?? undefined) : undefined,
      submission: tls === 'required' ? submissionFor(worker, world.world.server.messageSizeLimit) : undefined,
      mx: quotaStatus || tls === 'required' ? mxFor(worker, quotaStatus, world.world.server.messageSizeLimit) : undefined,
      mxDelivery: tls === 'required' ? mxDeliveryFor(worker, quotaStatus, world.world.server.messageSizeLimit, [...new Set(world.world.accounts.map((a) => a.address.split('@')[1].toLowerCase()))].sort(), queueFates(timeline.frames), users, addresses) : undefined,
      server: async (g) => {
        const s = await startServer(worker, g, quotaStatus);
        await s.reset(users, addresses);
        return s;
      },
    });
    try {
      const result = await replayer.run();
      results.push(result);
      const bad = result.steps.flatMap((s) => s.disagreements).map((d) => [d, matchKnown(d, known.differences)] as const);
      const shown = bad.filter(([, k]) => verbose || !k);
      if (verbose || shown.length)
        console.log(`\n${shown.length ? 'DIFFERS' : 'ok     '} ${r.scenario.id}${r.variant ? ` [${r.variant}]` : ''}: ${result.steps.length} steps, ${bad.length} disagreements${bad.length > shown.length ? ` (${bad.length - shown.length} known)` : ''} (${Date.now() - t} ms)`);
      // Disagreements of the same shape (the same lines, other numbers) are shown once,
      // with where else they occur; --all prints each in full.
      const groups = new Map<string, (typeof shown)[number][]>();
      for (const item of shown) {
        const [d] = item;
        const key = maxShown === Infinity ? String(groups.size) : shapeOf(d);
        groups.set(key, [...(groups.get(key) ?? []), item]);
      }
      let printedGroups = 0;
      for (const group of groups.values()) {
        if (printedGroups++ >= maxShown) {
          const rest = [...groups.values()].slice(maxShown).reduce((n, g) => n + g.length, 0);
          console.log(`── ... and ${rest} more disagreements of ${groups.size - maxShown} other kinds in this run (--all shows every one)`);
          break;
        }
        const [d, k] = group[0];
        printDisagreement(d, k);
        if (group.length > 1) {
          const where = group.slice(1).map(([x]) => `${stepName(x)} ${JSON.stringify(x.command ?? x.where)}`);
          console.log(`    ... and ${group.length - 1} more like it: ${where.slice(0, 6).join(', ')}${where.length > 6 ? ', ...' : ''}`);
        }
      }
    } catch (err) {
      failures.push(`${r.scenario.id}${r.variant ? ` [${r.variant}]` : ''}: replay failed: ${(err as Error).stack ?? err}`);
    }
  };
  let checks: Promise<void> = Promise.resolve();
  let missing: DovecotMissing | PostfixMissing | null = null;
  const skipped = async (err: DovecotMissing | PostfixMissing) => {
    console.error(err.message);
    console.error(`conformance: skipped: ${err instanceof DovecotMissing ? 'Dovecot' : 'Postfix'} is not available here (exit 3).`);
    await stopAll();
    rmSync(runDir, { recursive: true, force: true });
    return 3;
  };
  try {
    let pair: Promise<{ dovecot: Dovecot; postfix: Postfix }>;
    try {
      // Installs first, one after the other (apt takes one at a time); no-ops when present.
      installPackages();
      certificate = makeCertificate(runDir);
      trust = { ca: certificate.pem, servername: MAIL_HOSTNAME };
      // Postfix starts beside the scenarios' first Dovecot, and the replay does not wait for it.
      pair = startProductionPair();
      pair.catch(() => undefined); // awaited by the checks below
      await startServer(0, 1);
    } catch (err) {
      if (err instanceof DovecotMissing || err instanceof PostfixMissing) return await skipped(err);
      throw err;
    }
    // The TLS and delivery checks run beside the scenarios, on servers of their own.
    checks = (async () => {
      let started: Awaited<typeof pair>;
      try {
        started = await pair;
      } catch (err) {
        if (err instanceof DovecotMissing || err instanceof PostfixMissing) {
          missing = err;
          return;
        }
        throw err;
      }
      const { dovecot, postfix: mx } = started;
      const tlsCheck = await tlsSelfCheck(async () => {
        await dovecot.reset([{ login: 'anna', password: 'secret', gracePercent: 10, tempfail: false, pop3Lock: false }], new Map([['anna', 'anna@example.org']]));
        return dovecot;
      }, trust!);
      const brokenTls = tlsCheck.steps.flatMap((st) => st.disagreements);
      if (brokenTls.length) {
        console.log('conformance: the harness does not replay its TLS check transcript as Dovecot (ssl = required) answers it:');
        for (const d of brokenTls) printDisagreement(d, null);
        failures.push('harness TLS self-check failed (see above)');
      } else console.log(`conformance: harness TLS self-check (ssl = required: LOGINDISABLED, PRIVACYREQUIRED, STARTTLS, STLS, implicit TLS): ${tlsCheck.steps.length} steps agree`);
      await dovecot.reset(MTA_USERS, MTA_ADDRESSES);
      let mta: MtaCheck[];
      try {
        mta = await mtaSelfCheck(mx, dovecot, trust!);
      } catch (err) {
        failures.push(`harness delivery self-check (Postfix): ${(err as Error).stack ?? err}`);
        return;
      }
      const brokenMta = mta.filter((c) => c.diff.length);
      for (const c of brokenMta) {
        console.log(`conformance: delivery self-check "${c.name}" does not agree with Postfix ${mx.version} and Dovecot:`);
        console.log(formatDiff(c.diff, '    ', { ' ': 'both     | ', '-': 'expected | ', '+': 'real     | ' }));
      }
      if (brokenMta.length) failures.push('harness delivery self-check failed (see above)');
      else console.log(`conformance: harness delivery self-check (Postfix ${mx.version} → LMTP → Dovecot: SIZE and 552 5.3.4, bounce 5.2.2, queue 452 4.2.2 and flush, queue settings, AUTH after STARTTLS): ${mta.length} checks agree`);
    })().catch((err: unknown) => {
      failures.push(`harness TLS/delivery self-check: ${(err as Error).stack ?? err}`);
    });
    // The harness first checks itself on a hand-written transcript in Dovecot's words.
    // Its transcript is a test bench's (no STARTTLS in the greeting or LHLO): with the
    // scenarios' Dovecot requiring TLS it gets one of its own without.
    const plainServer = async () => {
      if (tls === 'off') return startServer(0, 1);
      const s = new Dovecot('plain', runDir, await choosePorts(8), 'off');
      servers.set('plain', s);
      await s.start();
      return s;
    };
    const check = await selfCheck(async () => {
      const s = await plainServer();
      await s.reset([{ login: 'anna', password: 'secret', gracePercent: 10, tempfail: false, pop3Lock: false }], new Map([['anna', 'anna@example.org']]));
      return s;
    });
    const broken = check.steps.flatMap((st) => st.disagreements);
    if (broken.length) {
      console.log('conformance: the harness does not replay its own check transcript as Dovecot answers it:');
      for (const d of broken) printDisagreement(d, null);
      failures.push('harness self-check failed (see above)');
    } else console.log(`conformance: harness self-check (IDLE, APPEND, TRYCREATE, pipelined LMTP): ${check.steps.length} steps agree`);
    // Simulate everything first, then replay the longest runs first on `jobs` workers.
    const queue: { r: (typeof runs)[number]; timeline: { frames: readonly unknown[] } }[] = [];
    for (const r of runs) {
      try {
        queue.push({ r, timeline: sim.simulate(r.scenario, r.variant ? { variant: r.variant } : {}) });
      } catch (err) {
        failures.push(`${r.scenario.id}${r.variant ? ` [${r.variant}]` : ''}: simulate() threw: ${(err as Error).stack ?? err}`);
      }
    }
    queue.sort((a, b) => b.timeline.frames.length - a.timeline.frames.length);
    console.log(`conformance: replaying ${scenarioIds.length} scenarios (${runs.length} runs with their variants) on ${jobs} Dovecot instances`);
    await Promise.all(
      Array.from({ length: jobs }, async (_, worker) => {
        for (let next = queue.shift(); next; next = queue.shift()) await replayOne(worker, next.r, next.timeline);
      }),
    );
    await checks;
  } finally {
    await checks;
    await stopAll();
    // Keep Dovecot's logs when something went wrong; remove the rest.
    const unexplainedSoFar = results.some((r) => r.steps.some((st) => st.disagreements.some((d) => !matchKnown(d, known.differences))));
    if (failures.length === 0 && !unexplainedSoFar) rmSync(runDir, { recursive: true, force: true });
    else console.log(`conformance: Dovecot's and Postfix's logs are in ${runDir}`);
  }

  if (missing) return skipped(missing);

  // Report.
  const used = new Set<string>();
  let unexplained = 0;
  let explained = 0;
  const scenarioOk = new Map<string, 'agree' | 'known' | 'differ'>();
  for (const id of scenarioIds) scenarioOk.set(id, 'agree');
  for (const f of failures) {
    const id = /^(\S+?)(?: \[|:)/.exec(f)?.[1];
    if (id && scenarioOk.has(id)) scenarioOk.set(id, 'differ');
  }
  let steps = 0;
  let stepsAgree = 0;
  let stepsKnown = 0;
  const notCompared = new Map<string, number>();
  for (const r of results) {
    for (const n of r.notCompared) notCompared.set(n.protocol, (notCompared.get(n.protocol) ?? 0) + n.lines);
    for (const s of r.steps) {
      steps++;
      if (s.disagreements.length === 0) {
        stepsAgree++;
        continue;
      }
      let allKnown = true;
      for (const d of s.disagreements) {
        const k = matchKnown(d, known.differences);
        if (k) {
          used.add(k.id);
          explained++;
        } else {
          allKnown = false;
          unexplained++;
        }
      }
      if (allKnown) stepsKnown++;
      const was = scenarioOk.get(r.scenario);
      if (!allKnown) scenarioOk.set(r.scenario, 'differ');
      else if (was === 'agree') scenarioOk.set(r.scenario, 'known');
    }
  }
  if (failures.length) {
    console.log('\nFAILURES\n');
    for (const f of failures) console.log(`── ${f}`);
  }
  const stale = only.length ? [] : known.differences.filter((k) => !used.has(k.id));
  if (stale.length) console.log(`\nconformance: entries in ${KNOWN_FILE} that matched nothing (remove them?): ${stale.map((k) => k.id).join(', ')}`);
  if (notCompared.size) console.log(`conformance: not compared (no server of this run speaks it): ${[...notCompared].map(([p, n]) => `${n} ${p} lines`).join(', ')}`);
  if (explained) console.log(`conformance: ${explained} disagreements explained in ${KNOWN_FILE}`);

  const agreeing = [...scenarioOk.values()].filter((v) => v === 'agree').length;
  const knownOnly = [...scenarioOk.values()].filter((v) => v === 'known').length;
  const extra = knownOnly || stepsKnown ? ` (${knownOnly} more scenarios and ${stepsKnown} more steps differ only as listed in ${KNOWN_FILE})` : '';
  const against = `dovecot ${shortVersion(dovecotVersion, 3)}, tls ${tls}${postfix ? `; postfix ${shortVersion((postfix as Postfix).version, 2)}` : ''}`;
  console.log(`conformance: ${agreeing} of ${scenarioIds.length} scenarios, ${stepsAgree} of ${steps} steps agree (${against})${extra}`);
  console.log(`conformance: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return unexplained === 0 && failures.length === 0 && runs.length > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

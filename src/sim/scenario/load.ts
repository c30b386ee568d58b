// Loading a scenario: parse, validate against the schema, then check that the
// world is possible. Every problem is reported at once, each naming the file,
// the path inside it and what was expected, because scenario files come from
// strangers and an instructor fixing one wants the whole list.
import { checkStagedMove } from './stagedMoveChecks';
import { z } from 'zod';
import { parse as parseJson, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { Scenario, type ScenarioInput, type Step, type Variant } from './schema';
import { parseTime } from './time';
import { givenSettings, settingsView } from './settings';
import { configureDevice } from './configure';
import { checkQuestions } from '../questions/check';

export interface Problem {
  file: string;
  path: string;
  message: string;
}

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.path ? p.path + ': ' : ''}${p.message}`;
}

function pathToString(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

function zodProblems(file: string, error: z.ZodError): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'invalid_union' && 'errors' in issue && Array.isArray(issue.errors)) {
      // A discriminated union (the step kinds) reports its branches; name the accepted kinds.
      problems.push({ file, path: pathToString(issue.path), message: issue.message });
      continue;
    }
    problems.push({ file, path: pathToString(issue.path), message: issue.message });
  }
  return problems;
}

/** Parse JSON text; a syntax error names line and column (jsonc-parser reports where). */
export function loadScenarioText(file: string, text: string): LoadResult {
  const errors: ParseError[] = [];
  const data: unknown = parseJson(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length) {
    return {
      ok: false,
      problems: errors.map((e) => {
        const before = text.slice(0, e.offset);
        const line = before.split('\n').length;
        const column = e.offset - before.lastIndexOf('\n');
        return { file, path: '', message: `not valid JSON at line ${line}, column ${column}: ${printParseErrorCode(e.error)}` };
      }),
    };
  }
  return loadScenarioData(file, data);
}

export function loadScenarioData(file: string, data: unknown): LoadResult {
  const parsed = Scenario.safeParse(data);
  if (!parsed.success) return { ok: false, problems: zodProblems(file, parsed.error) };
  const problems = checkWorld(file, parsed.data);
  problems.push(...checkQuestions(file, parsed.data));
  if (problems.length) return { ok: false, problems };
  for (const [name, variant] of Object.entries(parsed.data.variants)) {
    const deviceIds = parsed.data.world.devices.map((d) => d.id);
    const accountIds = parsed.data.world.accounts.map((a) => a.id);
    for (const key of Object.keys(variant.devices ?? {}))
      if (!deviceIds.includes(key)) problems.push({ file, path: `variants.${name}.devices.${key}`, message: `no device "${key}" — devices are ${list(deviceIds)}` });
    for (const key of Object.keys(variant.accounts ?? {}))
      if (!accountIds.includes(key)) problems.push({ file, path: `variants.${name}.accounts.${key}`, message: `no account "${key}" — accounts are ${list(accountIds)}` });
    const applied = applyVariantUnchecked(parsed.data, variant);
    const again = Scenario.safeParse(applied);
    if (!again.success) {
      problems.push(...zodProblems(file, again.error).map((p) => ({ ...p, path: `variants.${name} → ${p.path}` })));
      continue;
    }
    problems.push(...checkWorld(file, again.data).map((p) => ({ ...p, path: `variants.${name} → ${p.path}` })));
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, scenario: parsed.data };
}

function list(names: string[]): string {
  return names.length ? names.join(', ') : '(none)';
}

/** What the schema cannot say: references between parts, and worlds that cannot exist. */
export function checkWorld(file: string, s: Scenario): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ file, path, message });
  const accountIds = s.world.accounts.map((a) => a.id);
  const deviceIds = s.world.devices.map((d) => d.id);

  const dup = (ids: string[], where: string, what: string) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) add(`${where}[${i}].id`, `${what} "${id}" is defined twice`);
      seen.add(id);
    });
  };
  dup(accountIds, 'world.accounts', 'account');
  dup(deviceIds, 'world.devices', 'device');
  const addresses = new Set<string>();
  s.world.accounts.forEach((a, i) => {
    if (addresses.has(a.address.toLowerCase())) add(`world.accounts[${i}].address`, `address ${a.address} belongs to two accounts`);
    addresses.add(a.address.toLowerCase());
  });

  s.world.devices.forEach((d, i) => {
    if (!accountIds.includes(d.account)) add(`world.devices[${i}].account`, `no account "${d.account}" — accounts are ${list(accountIds)}`);
    if (d.kind === 'webmail' && d.protocol !== 'imap')
      add(`world.devices[${i}].protocol`, 'webmail runs next to the server and reads it over IMAP; it cannot use POP3');
    if (d.kind === 'webmail' && d.localFolders.length) add(`world.devices[${i}].localFolders`, 'webmail keeps nothing on a device, so it has no local folders');
    if (d.kind === 'webmail' && d.backup !== 'none') add(`world.devices[${i}].backup`, 'webmail keeps nothing on a device, so there is nothing to back up');
    // A profile's "at most N days" is greyed out, not an error, when the scenario turns leaveOnServer off.
    const daysGiven = settingsView(d).settings.find((x) => x.key === 'deleteAfterDays')?.origin.from === 'scenario';
    if (d.protocol === 'pop3' && !d.pop3.leaveOnServer && d.pop3.deleteAfterDays !== null && daysGiven)
      add(`world.devices[${i}].pop3.deleteAfterDays`, 'deleteAfterDays only applies when leaveOnServer is true');
  });

  const mailIds = new Set<string>();
  const current = new Map(s.world.devices.map((d) => [d.id, d]));
  let lastTime = -1;
  s.steps.forEach((step, i) => {
    const at = parseTime(step.at) ?? 0;
    if (at < lastTime) add(`steps[${i}].at`, `"${step.at}" is earlier than the step before it; steps must be in time order`);
    lastTime = Math.max(lastTime, at);
    if ('device' in step) {
      const device = current.get(step.device);
      if (!device) add(`steps[${i}].device`, `no device "${step.device}" — devices are ${list(deviceIds)}`);
      else checkDeviceStep(step, device.kind, device.protocol, `steps[${i}]`, add);
      if (step.do === 'device.check' && step.meanwhile !== undefined) {
        const other = current.get(step.meanwhile);
        if (!other) add(`steps[${i}].meanwhile`, `no device "${step.meanwhile}" — devices are ${list(deviceIds)}`);
        else if (other.id === step.device) add(`steps[${i}].meanwhile`, 'names the checking device itself; name another device that checks at the same time');
        else if (device?.protocol !== 'pop3') add(`steps[${i}].meanwhile`, 'only a POP3 check holds its session open for another device (rule 11); this device uses ' + (device?.protocol ?? 'no protocol'));
      }
      if (device && step.do === 'device.configure') {
        // Settings change from this step on: later steps are checked against the device as configured.
        const r = configureDevice(device, step);
        for (const p of r.problems) add([`steps[${i}]`, ...p.path].join('.'), p.message);
        current.set(device.id, r.device);
      }
    }
    if (step.do === 'server.restoreBackup' && step.day !== undefined) {
      // The backup of day d is taken at 02:00 that day and kept while younger than backupDays days (rule 81).
      const takenAt = (d: number) => (d - 1) * 1440 + 120;
      const days = s.world.server.backupDays;
      let oldest = 1;
      while (takenAt(oldest) <= at - days * 1440) oldest++;
      if (s.world.server.backup === 'none') add(`steps[${i}].day`, 'the server has no backup ("backup": "none")');
      else if (takenAt(step.day) > at) add(`steps[${i}].day`, `the backup of day ${step.day} is taken at 02:00 that day, after this step (${step.at})`);
      else if (step.day < oldest) add(`steps[${i}].day`, `backups are kept for ${days} days: at ${step.at} the oldest is from day ${oldest}`);
    }
    if ('account' in step && !accountIds.includes(step.account)) add(`steps[${i}].account`, `no account "${step.account}" — accounts are ${list(accountIds)}`);
    const declared = declaredMails(step);
    for (const id of declared) {
      if (mailIds.has(id)) add(`steps[${i}]`, `mail "${id}" already exists; every mail needs its own id`);
      mailIds.add(id);
    }
    if (step.do === 'mail.arrive' || step.do === 'mail.burst' || step.do === 'device.send') {
      const to = step.do === 'mail.arrive' ? step.mail.to : step.do === 'mail.burst' ? step.to : step.mail.to;
      to.forEach((acc, j) => {
        if (!accountIds.includes(acc)) add(`steps[${i}].${step.do === 'mail.burst' ? '' : 'mail.'}to[${j}]`, `no account "${acc}" — accounts are ${list(accountIds)}`);
      });
    }
    if (step.do === 'device.send' && step.mail.to.length === 0 && !step.mail.toAddress && !step.bccSelf)
      add(`steps[${i}].mail`, 'a sent mail needs a recipient: "to" (accounts), "toAddress" (someone outside) or bccSelf');
    if ('mail' in step && typeof step.mail === 'string' && !mailIds.has(step.mail))
      add(`steps[${i}].mail`, `no mail "${step.mail}" has arrived or been sent before this step`);
  });
  checkStagedMove(s.steps, add, s.world.server.quotaCheck);
  return problems;
}

function declaredMails(step: Step): string[] {
  if (step.do === 'mail.arrive' || step.do === 'device.send') return [step.mail.id];
  if (step.do === 'mail.burst') return Array.from({ length: step.count }, (_, k) => `${step.prefix}${k + 1}`);
  return [];
}

function checkDeviceStep(step: Step, kind: string, protocol: string, path: string, add: (path: string, message: string) => void) {
  if (kind !== 'webmail') return;
  if (step.do === 'device.goOffline') add(`${path}.do`, 'webmail cannot work offline: it is a window onto the server');
  if (step.do === 'device.diskFail' || step.do === 'device.restoreBackup') add(`${path}.do`, 'webmail keeps nothing on a device, so it has no disk to fail or restore');
  if (step.do === 'device.move' && step.local) add(`${path}.local`, 'webmail has no local folders');
  void protocol;
}

function applyVariantUnchecked(s: Scenario, v: Variant): ScenarioInput {
  return {
    ...s,
    variants: {},
    world: {
      ...s.world,
      server: { ...s.world.server, ...(v.server ?? {}) },
      accounts: s.world.accounts.map((a) => ({ ...a, ...(v.accounts?.[a.id] ?? {}) })),
      devices: s.world.devices.map((d) => {
        const o = v.devices?.[d.id];
        if (!o) return d;
        // Back to what the scenario gave, so a variant naming another profile or protocol gets its defaults.
        const { checkEveryMinutes: _c, ...rest } = d;
        void _c;
        const given = givenSettings(d);
        return { ...rest, ...given, ...o, pop3: { ...given.pop3, ...(o.pop3 ?? {}) }, imap: { ...given.imap, ...(o.imap ?? {}) } };
      }),
    },
  };
}

/** The scenario with a named variant's overrides applied (validated when the file was loaded). */
export function withVariant(s: Scenario, name: string | undefined): Scenario {
  if (!name) return s;
  const v = s.variants[name];
  if (!v) throw new Error(`no variant "${name}" — variants are ${list(Object.keys(s.variants))}`);
  return Scenario.parse(applyVariantUnchecked(s, v));
}

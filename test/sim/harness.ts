// A test harness that reads like a scenario:
//   sim(world).at('day 1, 09:00', arrive('m1')).at('day 1, 10:00', check('laptop')).run()
//     .expectMailIn('m1', ['device/laptop/Inbox'])
// Scenarios are validated exactly as files are, so a test cannot use a world
// the app would reject.
import { expect } from 'vitest';
import { loadScenarioData, formatProblem } from '../../src/sim/scenario/load';
import type { ScenarioInput } from '../../src/sim/scenario/schema';
import { simulate } from '../../src/sim/run/simulate';
import { metricsOf } from '../../src/sim/run/metrics';
import { frameLines, type Frame, type Timeline } from '../../src/sim/timeline';
import { flagNames, type FlagName } from '../../src/sim/model/flags';
import type { Metrics } from '../../src/sim/metrics.types';

type WorldInput = ScenarioInput['world'];
type StepInput = ScenarioInput['steps'][number];
type StepBody = StepInput extends infer S ? (S extends { at: string } ? Omit<S, 'at'> : never) : never;

export const ALICE = { id: 'alice', address: 'alice@example.org' };

export function arrive(id: string, to: string[] = ['alice'], extra: { from?: string; sizeKB?: number; subject?: string } = {}): StepBody {
  return { do: 'mail.arrive', mail: { id, from: extra.from ?? 'bob@example.com', to, subject: extra.subject ?? `Mail ${id}`, sizeKB: extra.sizeKB ?? 4 } } as StepBody;
}
export const check = (device: string, dropBeforeQuit = false): StepBody => ({ do: 'device.check', device, dropBeforeQuit }) as StepBody;
export const read = (device: string, mail: string): StepBody => ({ do: 'device.read', device, mail }) as StepBody;
export const open = (device: string, mail: string): StepBody => ({ do: 'device.open', device, mail }) as StepBody;
export const del = (device: string, mail: string): StepBody => ({ do: 'device.delete', device, mail }) as StepBody;
export const emptyTrash = (device: string): StepBody => ({ do: 'device.emptyTrash', device }) as StepBody;
export const move = (device: string, mail: string, folder: string, local = false): StepBody => ({ do: 'device.move', device, mail, folder, local }) as StepBody;
export const offline = (device: string): StepBody => ({ do: 'device.goOffline', device }) as StepBody;
export const online = (device: string): StepBody => ({ do: 'device.goOnline', device }) as StepBody;
export const diskFail = (device: string): StepBody => ({ do: 'device.diskFail', device }) as StepBody;
export const restore = (device: string): StepBody => ({ do: 'device.restoreBackup', device }) as StepBody;
export const send = (device: string, id: string, to: string[], extra: { bccSelf?: boolean; toAddress?: string; sizeKB?: number } = {}): StepBody =>
  ({ do: 'device.send', device, mail: { id, to, subject: `Mail ${id}`, sizeKB: extra.sizeKB ?? 4, ...(extra.toAddress ? { toAddress: extra.toAddress } : {}) }, bccSelf: extra.bccSelf ?? false }) as StepBody;
export const wait = (): StepBody => ({ do: 'world.wait' }) as StepBody;

export class SimBuilder {
  private readonly steps: StepInput[] = [];
  constructor(private readonly world: WorldInput) {}

  at(time: string, ...bodies: StepBody[]): this {
    for (const b of bodies) this.steps.push({ at: time, ...b } as StepInput);
    return this;
  }

  scenario(): ScenarioInput {
    return { id: 'test', title: { de: 'Test', en: 'Test' }, summary: { de: 'Test', en: 'Test' }, world: this.world, steps: this.steps };
  }

  run(): SimResult {
    const loaded = loadScenarioData('test', this.scenario());
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    return new SimResult(simulate(loaded.scenario));
  }
}

export function sim(world: WorldInput): SimBuilder {
  return new SimBuilder(world);
}

export class SimResult {
  readonly frame: Frame;
  constructor(
    readonly timeline: Timeline,
    index = timeline.frames.length - 1,
  ) {
    this.frame = timeline.frames[index];
  }

  /** The result as it was right after the first frame whose label matches. */
  after(label: RegExp | string, nth = 0): SimResult {
    const hits = this.timeline.frames.filter((f) => (typeof label === 'string' ? f.label.includes(label) : label.test(f.label)));
    if (!hits[nth]) throw new Error(`no frame labelled ${label} (#${nth}); labels: ${this.timeline.frames.map((f) => f.label).join(' | ')}`);
    return new SimResult(this.timeline, hits[nth].index);
  }

  get metrics(): Metrics {
    return metricsOf(this.frame, this.timeline);
  }

  placesOf(mail: string): string[] {
    const out: string[] = [];
    for (const [place, folder] of this.frame.state.places) for (const c of folder.values()) if (c.mail === mail) out.push(place);
    return out.sort();
  }

  expectMailIn(mail: string, places: string[]): this {
    expect(this.placesOf(mail), `where ${mail} is`).toEqual([...places].sort());
    return this;
  }

  expectStatus(mail: string, status: 'present' | 'deleted' | 'lost' | 'bounced' | 'queued'): this {
    expect(this.metrics.mails.find((m) => m.mail === mail)?.status, `status of ${mail}`).toBe(status);
    return this;
  }

  flagsOf(place: string, mail: string): FlagName[] {
    const copy = [...(this.frame.state.places.get(place)?.values() ?? [])].find((c) => c.mail === mail);
    if (!copy) throw new Error(`${mail} is not in ${place}`);
    return flagNames(copy.flags);
  }

  /** Every protocol line up to this frame, as "C: ..." / "S: ...", optionally of one protocol only. */
  lines(protocol?: 'POP3' | 'IMAP' | 'LMTP' | 'SMTP'): string[] {
    const frames = this.timeline.frames.slice(0, this.frame.index + 1);
    const protocolOf = new Map(frames.flatMap((f) => f.sessions.map((s) => [s.id, s.protocol] as const)));
    return frames.flatMap((f) => frameLines(f).filter((l) => !protocol || protocolOf.get(l.session) === protocol).map((l) => `${l.dir}: ${l.text}`));
  }

  expectLine(text: string | RegExp, protocol?: 'POP3' | 'IMAP' | 'LMTP' | 'SMTP'): this {
    const lines = this.lines(protocol);
    expect(lines.some((l) => (typeof text === 'string' ? l === text : text.test(l))), `a line ${text}`).toBe(true);
    return this;
  }

  expectNoLine(text: string | RegExp, protocol?: 'POP3' | 'IMAP' | 'LMTP' | 'SMTP'): this {
    const lines = this.lines(protocol);
    expect(lines.some((l) => (typeof text === 'string' ? l === text : text.test(l))), `no line ${text}`).toBe(false);
    return this;
  }
}

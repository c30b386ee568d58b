// Scenario files come from strangers: every problem is reported at once,
// naming the file, the path inside it and what was expected.
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenarioData, loadScenarioText, withVariant } from '../../../src/sim/scenario/load';

const good = () => ({
  id: 'ok',
  title: { de: 'Titel', en: 'Title' },
  summary: { de: 'Zusammenfassung', en: 'Summary' },
  world: {
    accounts: [{ id: 'alice', address: 'alice@example.org' }],
    devices: [
      { id: 'laptop', kind: 'laptop', account: 'alice', protocol: 'pop3' },
      { id: 'phone', kind: 'phone', account: 'alice', protocol: 'pop3' },
    ],
  },
  steps: [
    { at: 'day 1, 09:00', do: 'mail.arrive', mail: { id: 'm1', from: 'bob@example.com', to: ['alice'], subject: 'Hi' } },
    { at: 'day 1, 10:00', do: 'device.check', device: 'laptop' },
  ],
  variants: { imap: { title: { de: 'IMAP', en: 'IMAP' }, devices: { laptop: { protocol: 'imap' } } } },
});

function problems(data: unknown): string[] {
  const r = loadScenarioData('x.json', data);
  return r.ok ? [] : r.problems.map(formatProblem);
}

describe('loading scenarios', () => {
  it('accepts a good file and fills in defaults', () => {
    const r = loadScenarioData('x.json', good());
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.scenario.world.devices[0].pop3.leaveOnServer).toBe(false);
      expect(r.scenario.world.server.quotaGracePercent).toBe(10);
    }
  });

  it('names a step on a device that does not exist, with the devices there are', () => {
    const s = good();
    s.steps[1] = { at: 'day 1, 10:00', do: 'device.check', device: 'phone2' };
    expect(problems(s)).toEqual(['x.json: steps[1].device: no device "phone2" — devices are laptop, phone']);
  });

  it('reports every problem at once', () => {
    const s = good() as Record<string, unknown> & ReturnType<typeof good>;
    s.world.devices[0] = { id: 'laptop', kind: 'webmail', account: 'nobody', protocol: 'pop3' };
    s.steps.push({ at: 'day 1, 08:00', do: 'device.read', device: 'laptop', mail: 'm9' } as never);
    const p = problems(s);
    expect(p).toContain('x.json: world.devices[0].account: no account "nobody" — accounts are alice');
    expect(p).toContain('x.json: world.devices[0].protocol: webmail runs next to the server and reads it over IMAP; it cannot use POP3');
    expect(p).toContain('x.json: steps[2].at: "day 1, 08:00" is earlier than the step before it; steps must be in time order');
    expect(p).toContain('x.json: steps[2].mail: no mail "m9" has arrived or been sent before this step');
  });

  it('explains a malformed time and a malformed id with their paths', () => {
    const s = good();
    s.steps[0].at = 'Tuesday 9am';
    (s.world.accounts[0] as { id: string }).id = 'Alice!';
    const p = problems(s);
    expect(p.some((x) => x.startsWith('x.json: steps[0].at: a time is written like "day 2, 08:00"'))).toBe(true);
    expect(p.some((x) => x.startsWith('x.json: world.accounts[0].id: an id is 1-32 characters'))).toBe(true);
  });

  it('names a missing language in a text', () => {
    const s = good() as unknown as { title: { de?: string; en: string } };
    delete s.title.de;
    expect(problems(s).some((x) => x.startsWith('x.json: title.de:'))).toBe(true);
  });

  it('rejects an unknown step kind and unknown fields', () => {
    const s = good() as unknown as { steps: unknown[]; colour: string };
    s.steps.push({ at: 'day 1, 11:00', do: 'device.explode', device: 'laptop' });
    s.colour = 'red';
    const p = problems(s);
    expect(p.some((x) => x.includes('steps[2]'))).toBe(true);
    expect(p.some((x) => x.includes('colour'))).toBe(true);
  });

  it('checks variants: an unknown device, and an impossible world they would make', () => {
    const s = good() as unknown as ReturnType<typeof good> & { variants: Record<string, unknown> };
    s.variants.bad = { title: { de: 'x', en: 'x' }, devices: { tablet: { protocol: 'imap' } } };
    s.variants.web = { title: { de: 'x', en: 'x' }, devices: { laptop: { kind: 'webmail' } } };
    const p = problems(s);
    expect(p).toContain('x.json: variants.bad.devices.tablet: no device "tablet" — devices are laptop, phone');
    expect(p).toContain('x.json: variants.web → world.devices[0].protocol: webmail runs next to the server and reads it over IMAP; it cannot use POP3');
  });

  it('answers broken JSON with its line and column', () => {
    const r = loadScenarioText('x.json', '{\n  "id": "x",\n  "title": oops\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toMatch(/^not valid JSON at line 3, column \d+/);
  });

  it('applies a variant over the world', () => {
    const r = loadScenarioData('x.json', good());
    if (!r.ok) throw new Error('bad fixture');
    expect(withVariant(r.scenario, 'imap').world.devices[0].protocol).toBe('imap');
    expect(() => withVariant(r.scenario, 'nope')).toThrow('no variant "nope" — variants are imap');
  });
});

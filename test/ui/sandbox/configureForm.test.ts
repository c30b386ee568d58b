// "Change a setting from now on": the form's draft becomes a device.configure
// step naming only what changes; the engine runs it (rules 79, 80: a protocol
// switch is a new account), and the fork's outcome differs from the original's.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { copiesByPlace, devicesAtFrame, loadScenarioText, simulate, type Scenario } from '../../../src/sim';
import { afterConfigure, configureStep } from '../../../src/ui/sandbox/ConfigureForm';
import { forkWith } from '../../../src/ui/sandbox/forkAt';

function builtin(id: string): Scenario {
  const r = loadScenarioText(id, readFileSync(`scenarios/${id}.json`, 'utf8'));
  if (!r.ok) throw new Error('bad fixture');
  return r.scenario;
}

const where = (t: ReturnType<typeof simulate>, mail: string) => {
  const out: string[] = [];
  for (const [place, copies] of copiesByPlace(t.frames[t.frames.length - 1].state)) if (copies.some((c) => c.mail === mail)) out.push(place);
  return out.sort();
};

describe('three devices on POP3: the phone switched to IMAP at step 4', () => {
  const original = builtin('pop3-three-devices');
  const timeline = simulate(original);
  const frame = timeline.stepStarts[4];
  const phone = devicesAtFrame(original.world, original.steps, timeline.stepStarts, frame).find((d) => d.id === 'phone')!;

  it('the step names the protocol only; the form shows IMAP with the model defaults', () => {
    const step = configureStep(phone, { protocol: 'imap' });
    expect(step).toEqual({ do: 'device.configure', device: 'phone', protocol: 'imap' });
    expect(afterConfigure(phone, { protocol: 'imap' })).toMatchObject({ protocol: 'imap', imap: { cache: 'full', deleteAction: 'trash' } });
  });

  it('a value the device already has is left out, so a step that changes nothing is never made', () => {
    expect(configureStep(phone, { pop3: { leaveOnServer: false }, linkKbps: phone.linkKbps })).toEqual({ do: 'device.configure', device: 'phone' });
    const fork = forkWith({ scenario: original, timeline, frame, event: configureStep(phone, {}), keepLater: true });
    expect(fork.ok).toBe(false);
  });

  it('the fork runs (a protocol switch is a new account, rule 80 in docs/rules.md): what the phone downloaded over POP3 stays in its old account, and its new IMAP account finds the server emptied by the other POP3 devices', () => {
    const fork = forkWith({ scenario: original, timeline, frame, event: configureStep(phone, { protocol: 'imap' }), keepLater: true });
    if (!fork.ok) throw new Error(JSON.stringify(fork.problems));
    expect(fork.scenario.steps[fork.index]).toEqual({ at: 'day 1, 10:30', do: 'device.configure', device: 'phone', protocol: 'imap' });
    const forked = simulate(fork.scenario);
    // m1, downloaded by the phone's POP3 check at 07:30, stays in the old account's folder.
    expect(where(timeline, 'm1')).toEqual(['device/phone/Inbox']);
    expect(where(forked, 'm1')).toEqual(['device/phone/old-pop3/Inbox']);
    // m4 arrived at 13:00; the laptop's POP3 check at 13:05 took it off the server, so the phone's IMAP check at 13:10 does not see it.
    expect(where(forked, 'm4')).toEqual(['device/laptop/Inbox']);
  });
});

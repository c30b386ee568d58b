// rule 80: a POP3 account replaced by a new account leaves its downloads in
// its own folders on the device (device/<d>/old-pop3/<F>). The index pairs
// each emptied folder with the one its mail moved to, so the picture can draw
// them as one box instead of leaving an empty "Inbox" of a gone account above
// the new account's.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { indexTimeline } from '../../../src/ui/model/timelineIndex';
import { lostMails } from '../../../src/ui/model/lost';
import { loadScenarioText, simulate } from '../../../src/sim';

function indexOf(name: string) {
  const r = loadScenarioText(name, readFileSync(`scenarios/${name}`, 'utf8'));
  if (!r.ok) throw new Error(`${name} does not load`);
  const timeline = simulate(r.scenario);
  return { timeline, scenario: r.scenario, index: indexTimeline(timeline, (f) => lostMails(f.state)) };
}

describe('timeline index: folders of a replaced POP3 account', () => {
  it('the POP3 Inbox and Trash of the replaced account (rule 80) are paired with their old-pop3 twins from the switch on; the new IMAP INBOX is not', () => {
    const { timeline, scenario, index } = indexOf('configure-pop3-to-imap.json');
    const switchAt = timeline.stepStarts[scenario.steps.findIndex((s) => s.do === 'device.configure')];
    expect(index.replaced.get('device/laptop/Inbox')).toEqual({ by: 'device/laptop/old-pop3/Inbox', from: switchAt });
    expect(index.replaced.get('device/laptop/Trash')).toEqual({ by: 'device/laptop/old-pop3/Trash', from: switchAt });
    expect(index.replaced.has('device/laptop/INBOX')).toBe(false);
    // The paired folder really is empty from the switch on, and the twin holds the mail.
    const last = timeline.frames[timeline.frames.length - 1].state;
    expect(last.places.get('device/laptop/Inbox')?.size ?? 0).toBe(0);
    expect(last.places.get('device/laptop/old-pop3/Inbox')?.size).toBe(1);
  });

  it('a scenario without a switch pairs nothing', () => {
    expect(indexOf('pop3-three-devices.json').index.replaced.size).toBe(0);
  });
});

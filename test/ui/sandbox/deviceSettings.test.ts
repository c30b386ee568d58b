// A profile chosen in the builder: the settings that only came from the old
// profile give way to the new one's defaults; settings set by hand stay.
import { describe, expect, it } from 'vitest';
import { originsOf, resolvedDevice, withProfile } from '../../../src/ui/sandbox/deviceSettings';

const laptop = { id: 'laptop', kind: 'laptop', account: 'anna', protocol: 'pop3' };
const origin = (device: unknown, key: string) => originsOf(device)!.settings.find((s) => s.key === key)!;

describe('a device without a profile', () => {
  it("gets the model's defaults, and says that deleting on download is no current client's default", () => {
    const o = origin(laptop, 'leaveOnServer');
    expect(o).toMatchObject({ value: false, origin: { from: 'model' } });
    expect(o.defaultOf).toEqual([]);
  });
});

describe('choosing Thunderbird', () => {
  it("gives Thunderbird's wizard defaults (leave on server, 14 days), each with its source", () => {
    const tb = withProfile(laptop, 'thunderbird');
    expect(resolvedDevice(tb)!.pop3).toMatchObject({ leaveOnServer: true, deleteAfterDays: 14, deleteOnServerWhen: 'deletedLocally' });
    const o = origin(tb, 'leaveOnServer');
    expect(o.origin.from).toBe('profile');
    if (o.origin.from === 'profile') expect(o.origin.sources[0].quote).toContain('leaveMessagesOnServer: true');
  });

  it('from a parsed device (every value written out), the model defaults go and the profile applies', () => {
    const parsed = resolvedDevice(laptop)!;
    expect(parsed.pop3.leaveOnServer).toBe(false);
    expect(resolvedDevice(withProfile(parsed as unknown as Record<string, unknown>, 'thunderbird'))!.pop3.leaveOnServer).toBe(true);
  });

  it('a setting set by hand stays set by hand (one equal to the model default reads as the default: values are all a file keeps)', () => {
    const byHand = { ...laptop, pop3: { headersOnly: true, leaveOnServer: false } };
    const tb = withProfile(byHand, 'thunderbird');
    expect(resolvedDevice(tb)!.pop3).toMatchObject({ headersOnly: true, leaveOnServer: true, deleteOnServerWhen: 'deletedLocally' });
    expect(origin(tb, 'headersOnly').origin.from).toBe('scenario');
    expect(origin(tb, 'deleteOnServerWhen').origin.from).toBe('profile');
  });

  it('and back to no profile: the model defaults return', () => {
    const back = withProfile(withProfile(laptop, 'thunderbird'), undefined);
    expect(back.profile).toBeUndefined();
    expect(resolvedDevice(back)!.pop3.leaveOnServer).toBe(false);
  });
});

// From what the picture draws to what a click means, and the builder's path helpers.
import { describe, expect, it } from 'vitest';
import { targetOfPlace, targetOfRegion } from '../../../src/ui/sandbox/targets';
import { getIn, pathText, setIn } from '../../../src/ui/sandbox/scenarioInput';
import { scenarioFileName, scenarioFileText } from '../../../src/ui/sandbox/scenarioFile';

describe('picture targets', () => {
  it('a device folder means the device; a server folder, a backup or the queue means the server', () => {
    expect(targetOfPlace('device/laptop/Inbox')).toEqual({ kind: 'device', device: 'laptop' });
    expect(targetOfPlace('server/anna/INBOX')).toEqual({ kind: 'server' });
    expect(targetOfPlace('backup/server')).toEqual({ kind: 'server' });
    expect(targetOfPlace('intruder')).toBeNull();
  });

  it('device and webmail regions mean that device; the lost place means nothing', () => {
    expect(targetOfRegion('webmail/webmail')).toEqual({ kind: 'device', device: 'webmail' });
    expect(targetOfRegion('device/phone')).toEqual({ kind: 'device', device: 'phone' });
    expect(targetOfRegion('server/server')).toEqual({ kind: 'server' });
    expect(targetOfRegion('lost/lost')).toBeNull();
  });
});

describe('editing by path', () => {
  const data = { world: { devices: [{ id: 'a', pop3: { leaveOnServer: false } }, { id: 'b' }] }, steps: [] };

  it('changes only what the path names, leaving the original untouched', () => {
    const next = setIn(data, ['world', 'devices', 0, 'pop3', 'leaveOnServer'], true);
    expect(getIn(next, ['world', 'devices', 0, 'pop3', 'leaveOnServer'])).toBe(true);
    expect(data.world.devices[0].pop3?.leaveOnServer).toBe(false);
    expect(next.world.devices[1]).toBe(data.world.devices[1]);
    expect(next.steps).toBe(data.steps);
  });

  it('undefined removes a key (an optional field left empty)', () => {
    expect(setIn({ quota: { storageKB: 5 }, id: 'x' }, ['quota'], undefined)).toEqual({ id: 'x' });
  });

  it('writes paths the way the loader names them', () => {
    expect(pathText(['world', 'devices', 1, 'pop3', 'deleteAfterDays'])).toBe('world.devices[1].pop3.deleteAfterDays');
  });
});

describe('the scenario file', () => {
  it('starts with $schema and names itself after the scenario id', () => {
    const text = scenarioFileText({ id: 'my-world', $schema: 'elsewhere', steps: [] });
    expect(Object.keys(JSON.parse(text))[0]).toBe('$schema');
    expect(JSON.parse(text).$schema).toBe('./scenario.schema.json');
    expect(scenarioFileName({ id: 'my-world' })).toBe('my-world.json');
    expect(scenarioFileName({ id: '../etc/passwd' })).toBe('scenario.json');
  });
});

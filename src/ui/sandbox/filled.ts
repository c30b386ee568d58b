// The builder edits complete data: every field the format knows, with its
// default written out, so each form field shows what the simulation will use.
// The defaults come from the format itself (parsing), never from a copy here.
import { Scenario } from '../../sim';

type Parsed = ReturnType<typeof Scenario.parse>;
type DeviceData = Parsed['world']['devices'][number];

const shell = (world: unknown) => ({ id: 'x', title: { de: 'x', en: 'x' }, summary: { de: 'x', en: 'x' }, world, steps: [] });

/** A device as the format fills it in from the few fields given. */
export function filledDevice(minimal: { id: string; kind: DeviceData['kind']; account: string; protocol: DeviceData['protocol'] }): DeviceData {
  return Scenario.parse(shell({ accounts: [{ id: minimal.account, address: 'x@example.org' }], devices: [minimal] })).world.devices[0];
}

export function filledAccount(id: string, address: string): Parsed['world']['accounts'][number] {
  return Scenario.parse(shell({ accounts: [{ id, address }], devices: [] })).world.accounts[0];
}

/** The data with defaults written out when it parses; as it is otherwise. */
export function filled(data: unknown): unknown {
  const r = Scenario.safeParse(data);
  return r.success ? r.data : data;
}

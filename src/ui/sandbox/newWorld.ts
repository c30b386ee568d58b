// The empty world a new scenario starts from: one account, no devices, no
// steps. Texts are placeholders in both languages, for the user to replace.
import type { ScenarioInput } from './scenarioInput';

export function emptyWorld(): ScenarioInput {
  return {
    id: 'my-scenario',
    title: { de: 'Mein Szenario', en: 'My scenario' },
    summary: { de: 'Im Sandkasten gebaut.', en: 'Built in the sandbox.' },
    world: {
      accounts: [{ id: 'anna', address: 'anna@example.org' }],
      devices: [],
    },
    steps: [],
  };
}

/** A device id not used yet, from its kind ("laptop", "laptop2", …). */
export function freshId(kind: string, taken: readonly string[]): string {
  if (!taken.includes(kind)) return kind;
  for (let k = 2; ; k++) if (!taken.includes(`${kind}${k}`)) return `${kind}${k}`;
}

/**
 * A device's id after its kind changes: an id the builder gave from the old
 * kind ("laptop", "laptop2") follows the new kind ("phone"), so the picture
 * does not call a phone "laptop"; an id the user typed, or one a step already
 * names, stays.
 */
export function idAfterKindChange(id: string, oldKind: string, newKind: string, otherIds: readonly string[], namedBySteps: boolean): string {
  if (namedBySteps || oldKind === newKind || !new RegExp(`^${oldKind}\\d*$`).test(id)) return id;
  return freshId(newKind, otherIds);
}

// The one-line summary of a device's client profile shown on the device in
// the picture ("Thunderbird · defaults", "Thunderbird · 2 settings changed"),
// and the device views at a frame it is made from. Pure, so the label and its
// test agree; the full card (DeviceProfile.tsx) says the rest.
import type { TFunction } from 'i18next';
import { devicesAtFrame, settingsView, type DeviceSettingsView, type Scenario } from '../../sim';
import { clientName } from './settingText';

type Lang = 'de' | 'en';

/**
 * A client's name short enough for a label: the part before a bracket
 * ("Outlook (classic, Windows)" → "Outlook"); the card names it in full.
 */
export function shortClientName(id: string, lang: Lang): string {
  const full = clientName(id, lang);
  const cut = full.indexOf(' (');
  return cut > 0 ? full.slice(0, cut) : full;
}

/** Settings the scenario (or a settings change) gives a value other than the client's — or, without a client, the model's — default. */
export function changedCount(view: DeviceSettingsView): number {
  return view.settings.filter((s) => s.origin.from === 'scenario' && !s.notEstablished).length;
}

/** Settings the named client has no established default for: the scenario had to give them (Outlook's POP3 settings). */
export function notEstablishedCount(view: DeviceSettingsView): number {
  return view.settings.filter((s) => s.notEstablished).length;
}

/**
 * The label's text. `short`: for a device too narrow for the whole line, the
 * client's name and the count only.
 */
export function profileSummary(view: DeviceSettingsView, t: TFunction, lang: Lang, short = false): string {
  const count = changedCount(view);
  const k = (key: string, o: Record<string, unknown> = {}) => t(`ui.profile.compact.${key}`, o);
  if (view.profile) {
    const client = shortClientName(view.profile, lang);
    const unknown = notEstablishedCount(view);
    // A value the client has no known default for is not "changed": say that its default is not established.
    if (unknown > 0 && count === 0) return k(short ? 'notEstablishedShort' : 'notEstablished', { client, count: unknown });
    if (unknown > 0) return short ? k('changedShort', { client, count }) : `${k('changed', { client, count })} · ${k('notEstablishedAlso', { count: unknown })}`;
    if (count === 0) return short ? client : k('defaults', { client });
    return k(short ? 'changedShort' : 'changed', { client, count });
  }
  if (count === 0) return k(short ? 'modelShort' : 'model');
  return k(short ? 'modelChangedShort' : 'modelChanged', { count });
}

/**
 * Every device's settings as configured at `frame` (a device.configure step
 * changes them from its first frame on), webmail left out: it shows the
 * server directly and has no client settings.
 */
export function profileViewsAt(scenario: Scenario, stepStarts: readonly number[], frame: number): DeviceSettingsView[] {
  return devicesAtFrame(scenario.world, scenario.steps, stepStarts, frame)
    .filter((d) => d.kind !== 'webmail')
    .map(settingsView);
}

/** The first frames of the scenario's device.configure steps, in order (read once per timeline). */
export function configureStarts(scenario: Scenario, stepStarts: readonly number[]): number[] {
  const out: number[] = [];
  scenario.steps.forEach((step, i) => {
    if (step.do === 'device.configure' && stepStarts[i] !== undefined) out.push(stepStarts[i]);
  });
  return out.sort((a, b) => a - b);
}

/**
 * How many settings changes have begun by `frame`: the views change only when
 * this does, so the labels need not be redrawn on every frame. Runs on every
 * change of the player's state, so it only counts a short list.
 */
export function configureEpoch(starts: readonly number[], frame: number): number {
  let n = 0;
  while (n < starts.length && starts[n] <= frame) n++;
  return n;
}

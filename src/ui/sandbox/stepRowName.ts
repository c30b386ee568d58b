// A step of the draft in people's words for the step list: who it happens to
// and what happens ("Anna's laptop: disk fails", "Annas Laptop: Festplatte
// fällt aus"), never the format's names (device.diskFail, m3). The draft may
// be half-made or broken (the loader flags that): anything missing is left
// out of the name rather than guessed. Which text a step takes and what it
// carries is decided in ../presenter/stepPhrase.ts, for the presenter's names too.
import type { TFunction } from 'i18next';
import { rec, str, stepPhrase } from '../presenter/stepPhrase';

type Lang = 'de' | 'en';
type Row = Record<string, unknown>;

export interface StepNaming {
  readonly t: TFunction;
  readonly lang: Lang;
  /** The draft's data (world and steps), as typed: it need not be valid. */
  readonly draft: unknown;
  /** The number the picture gives a mail, where the picture on screen knows it. */
  readonly mailNumber?: (id: string) => string | undefined;
  /** A folder's display name in the reader's language. */
  readonly folder: (id: string) => string;
}

export { rec };
const list = (v: unknown): Row[] => (Array.isArray(v) ? v.map(rec).filter((x): x is Row => x !== undefined) : []);

/** A text given as one string or as { de, en }. */
function textIn(v: unknown, lang: Lang): string | undefined {
  return str(v) ?? str(rec(v)?.[lang]);
}

export function deviceName(draft: Row | undefined, id: string, lang: Lang): string {
  const d = list(rec(draft?.world)?.devices).find((x) => x.id === id);
  return textIn(d?.label, lang) ?? id;
}

export function accountName(draft: Row | undefined, id: string): string {
  const a = list(rec(draft?.world)?.accounts).find((x) => x.id === id);
  return str(a?.address) ?? id;
}

/** A mail as the picture numbers it, with its subject: message 3 "Your order". */
export function mailName(id: string, n: StepNaming): string {
  const draft = rec(n.draft);
  const made = list(draft?.steps)
    .map((s) => rec(s.mail))
    .find((m) => m?.id === id);
  const subject = textIn(made?.subject, n.lang);
  const label = n.mailNumber?.(id);
  const k = (key: string, o: Record<string, unknown>) => n.t(`ui.sandbox.stepName.${key}`, o);
  if (label && subject) return k('mailNumberSubject', { label, subject });
  if (label) return k('mailNumber', { label });
  if (subject) return k('mailSubject', { subject });
  return k('mailNumber', { label: id });
}

export function stepRowName(step: unknown, n: StepNaming): string {
  const p = stepPhrase(step);
  const draft = rec(n.draft);
  const k = (key: string, o: Record<string, unknown> = {}) => n.t(`ui.sandbox.stepName.${key}`, o);
  if (p.unknownKind !== undefined) return p.unknownKind; // Not a step the format knows: the loader names the problem; the row shows what was written.
  // A text that names a mail the step does not give says "a message".
  const o: Record<string, unknown> = { mail: p.mail ? mailName(p.mail, n) : k('aMessage') };
  if (p.folder !== undefined) o.folder = n.folder(p.folder);
  if (p.protocol !== undefined) o.protocol = p.protocol;
  if (p.key === 'moveDnsSwitch') o.hours = p.count ?? '?';
  else if (p.count !== undefined) o.count = p.count;
  // The step list names a device's re-pointing after the device, not inside the text.
  const what = k(p.key === 'moveRepoint' ? 'moveRepointRow' : p.key, o);
  const who = p.who;
  if (who === null) return what;
  const name =
    who === 'server'
      ? k('server')
      : 'device' in who
        ? deviceName(draft, who.device, n.lang)
        : 'account' in who
          ? accountName(draft, who.account)
          : who.accounts.map((a) => accountName(draft, a)).join(', ');
  return k('row', { who: name, what });
}

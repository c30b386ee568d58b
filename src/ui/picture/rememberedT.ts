// The picture's words for a change are mostly the words of the change before
// (region names, folder names, device states): i18next resolves each call anew,
// which at a few hundred calls per change was a good part of drawing one on a
// slow laptop. This remembers the answers for one translation function.
import type { TFunction } from 'i18next';

/** At most this many answers are kept; then the memory starts over (a long scenario names many mails). */
const LIMIT = 4000;

export function rememberedT(t: TFunction): TFunction {
  const call = t as unknown as (...args: unknown[]) => unknown;
  let known = new Map<string, string>();
  const remembered = (...args: unknown[]) => {
    const [key, options] = args;
    // Only the plain form (a key and perhaps an options object of values) is remembered.
    if (typeof key !== 'string' || args.length > 2 || (options !== undefined && (typeof options !== 'object' || options === null))) return call(...args);
    const id = options === undefined ? key : `${key}\u0000${JSON.stringify(options)}`;
    let v = known.get(id);
    if (v === undefined) {
      v = String(call(key, options));
      if (known.size >= LIMIT) known = new Map();
      known.set(id, v);
    }
    return v;
  };
  return remembered as unknown as TFunction;
}

const shared = new WeakMap<TFunction, TFunction>();

/**
 * One remembered translation function per language's function, shared by
 * every side panel: they render at every change while playing, each asking for
 * the same few dozen words (headings, labels, a transcript line's explanation).
 * The app's `t` is one fixed function per language (useTranslation), so a
 * language switch brings its own memory.
 */
export function sharedRememberedT(t: TFunction): TFunction {
  let r = shared.get(t);
  if (!r) shared.set(t, (r = rememberedT(t)));
  return r;
}

// What the autosave keeps, as text: the sandbox's scenario (possibly still
// invalid while it is being edited), the moment shown and the original it was
// forked from. Reading it back is reading a stranger's file: anything else in
// storage (an old version, a truncated write, another app's data) is refused
// with a reason, never trusted.
export const AUTOSAVE_VERSION = 1;

export interface SavedSandbox {
  /** The scenario as edited: JSON data, checked by the loader when it is opened. */
  readonly data: unknown;
  readonly frame: number;
  /** The scenario the sandbox was started from, for the side-by-side comparison. */
  readonly original: unknown;
  /** When it was saved (ISO 8601), to tell the user. */
  readonly savedAt: string;
}

export type DecodedSave = { ok: true; save: SavedSandbox } | { ok: false; reason: 'notJson' | 'notASave' | 'version' };

export function encodeSave(save: SavedSandbox): string {
  return JSON.stringify({ v: AUTOSAVE_VERSION, ...save });
}

export function decodeSave(text: string): DecodedSave {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'notJson' };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, reason: 'notASave' };
  const r = raw as Record<string, unknown>;
  if (r.v !== AUTOSAVE_VERSION) return { ok: false, reason: typeof r.v === 'number' ? 'version' : 'notASave' };
  if (!r.data || typeof r.data !== 'object') return { ok: false, reason: 'notASave' };
  const frame = typeof r.frame === 'number' && Number.isInteger(r.frame) && r.frame >= 0 ? r.frame : 0;
  const savedAt = typeof r.savedAt === 'string' ? r.savedAt.slice(0, 40) : '';
  return { ok: true, save: { data: r.data, frame, original: r.original && typeof r.original === 'object' ? r.original : null, savedAt } };
}

// The browser's storage can be full, switched off (private windows, policies)
// or hold something unreadable. Every access goes through here and ends in a
// result the sandbox can name to the user; none of it throws.
import { decodeSave, encodeSave, type DecodedSave, type SavedSandbox } from './autosaveCodec';

export const AUTOSAVE_KEY = 'mail-sync-sandbox:autosave';
/** Where unreadable autosave data is set aside, so it is not overwritten unseen. */
export const CORRUPT_KEY = 'mail-sync-sandbox:autosave-unreadable';

export type StorageProblem = 'full' | 'disabled' | 'corrupt';
export type WriteResult = { ok: true } | { ok: false; problem: StorageProblem };
export type ReadResult = { ok: true; save: SavedSandbox | null } | { ok: false; problem: StorageProblem; reason?: Extract<DecodedSave, { ok: false }>['reason'] };

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function isQuotaError(e: unknown): boolean {
  return e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e.code === 22);
}

export function writeAutosave(save: SavedSandbox): WriteResult {
  const s = storage();
  if (!s) return { ok: false, problem: 'disabled' };
  try {
    s.setItem(AUTOSAVE_KEY, encodeSave(save));
    return { ok: true };
  } catch (e) {
    return { ok: false, problem: isQuotaError(e) ? 'full' : 'disabled' };
  }
}

export function readAutosave(): ReadResult {
  const s = storage();
  if (!s) return { ok: false, problem: 'disabled' };
  let text: string | null;
  try {
    text = s.getItem(AUTOSAVE_KEY);
  } catch {
    return { ok: false, problem: 'disabled' };
  }
  if (text === null) return { ok: true, save: null };
  const decoded = decodeSave(text);
  if (decoded.ok) return { ok: true, save: decoded.save };
  try {
    s.setItem(CORRUPT_KEY, text);
    s.removeItem(AUTOSAVE_KEY);
  } catch {
    // Setting it aside failed too: it stays where it is and is reported again next time.
  }
  return { ok: false, problem: 'corrupt', reason: decoded.reason };
}

export function clearAutosave(): void {
  try {
    storage()?.removeItem(AUTOSAVE_KEY);
  } catch {
    // Nothing to do: storage that cannot be written holds nothing of ours.
  }
}

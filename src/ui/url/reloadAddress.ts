// The address a reload should open. While playing, the address bar is not
// written (store/restingWrites.ts), and a reload takes its address before the
// page is told it is being left: a write at pagehide comes too late for it
// (seen in Chromium: the reload opened the address as it was before). So on
// leaving, the page also keeps the address it would have written in the tab's
// sessionStorage, and a reload of the same address opens that one instead.

const KEY = 'mail-sync-sandbox.reloadAddress';

/** The parts of what was kept (both in the form `/path?query`). */
interface Kept {
  from: string;
  to: string;
}

export interface ReloadStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Keep `to` as the address a reload of `from` should open. */
export function keepForReload(from: string, to: string, storage: ReloadStorage | null = sessionStorageOrNull()): void {
  if (!storage || from === to) return;
  try {
    storage.setItem(KEY, JSON.stringify({ from, to }));
  } catch {
    // Storage full or blocked: a reload then opens the address as it was.
  }
}

/**
 * On a reload, the address kept for it when the page was left, if it was kept
 * for this very address and stays on this page; otherwise null. What was kept
 * is used once.
 */
export function addressAfterReload(current: string, reloaded: boolean, storage: ReloadStorage | null = sessionStorageOrNull()): string | null {
  if (!storage) return null;
  let raw: string | null;
  try {
    raw = storage.getItem(KEY);
    storage.removeItem(KEY);
  } catch {
    return null;
  }
  if (!reloaded || raw === null) return null;
  let kept: Partial<Kept>;
  try {
    kept = JSON.parse(raw) as Partial<Kept>;
  } catch {
    return null;
  }
  if (typeof kept.from !== 'string' || typeof kept.to !== 'string' || kept.from !== current) return null;
  // Only another query on the same page: never a jump to another path or origin.
  const path = current.split('?')[0];
  return kept.to.split('?')[0] === path ? kept.to : null;
}

/** Whether this page was opened by a reload (Navigation Timing). */
export function openedByReload(): boolean {
  const nav = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
  return nav?.type === 'reload';
}

function sessionStorageOrNull(): ReloadStorage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

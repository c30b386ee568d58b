// "Reload now": the waiting worker of the new version takes over first, and the
// page reloads once it is in charge, so the reloaded page is served by the new
// version from its first request to its last.
//
// Reloading before the take-over had finished went wrong on a busy machine: the
// reloaded page started under the old worker, the take-over then came while it
// was still fetching its scenario, and those requests were aborted
// (net::ERR_ABORTED). The page then showed the gallery instead of the scenario
// and frame the address named (a browser test failed so in a full run).
//
// The waiting worker is asked directly, through the registration: Workbox's own
// registration promise can stay pending while the browser is busy with another
// update, and the page must not wait on it.
//
// Chromium sometimes holds a skipWaiting take-over until the page navigates (seen
// in browser tests: asked right after a reload, the waiting worker stayed
// "installed" until the page's fallback reload, then activated within a second).
// So the fallback comes after a few seconds, and a reload already under way is
// never interrupted: a second location.reload() while that navigation waited for the
// take-over left the page where it was, with no load, for a minute. If the page is
// still here a while after the take-over (that first reload was aborted), it
// reloads once more.

/** What the take-over needs of a service worker (a subset of ServiceWorker). */
export interface WaitingWorker {
  readonly state: string;
  postMessage(message: unknown): void;
  addEventListener(type: 'statechange', listener: () => void): void;
}

export interface TakeOverParts {
  /** The registration's waiting worker, if one waits (null when service workers are unavailable). */
  waiting(): Promise<WaitingWorker | null>;
  reload(): void;
  setTimer(job: () => void, ms: number): void;
}

/**
 * Without the take-over within this time the page reloads anyway (the reader asked for
 * a reload, and it must come); a take-over held back until the page navigates then
 * follows, and the reload waits for it.
 */
export const TAKE_OVER_LIMIT_MS = 4_000;

/** A page still here this long after the take-over lost its reload (it was aborted), and reloads again. */
export const STILL_HERE_MS = 3_000;

/** The message Workbox's service worker answers by taking over (workbox-build, skipWaiting: false). */
export const SKIP_WAITING = { type: 'SKIP_WAITING' } as const;

export async function takeOverThenReload(parts: TakeOverParts): Promise<void> {
  let reloading = false;
  const reload = () => {
    if (reloading) return;
    reloading = true;
    parts.reload();
  };
  // Set before anything is awaited: asking for the registration can itself be slow.
  parts.setTimer(reload, TAKE_OVER_LIMIT_MS);
  const worker = await parts.waiting().catch(() => null);
  if (!worker) return reload();
  // In charge once activated; 'redundant' means another worker replaced it, and a reload then
  // opens whatever is in charge now. After the time limit's reload the take-over does not
  // reload at once (that would cancel the navigation waiting for it), only if the page is
  // still here a while later: the take-over can abort a reload the old worker still handled
  // (net::ERR_ABORTED, and the page stays as it was).
  const settled = () => worker.state === 'activated' || worker.state === 'redundant';
  let settledSeen = false;
  worker.addEventListener('statechange', () => {
    if (!settled() || settledSeen) return;
    settledSeen = true;
    // Before the limit: the reload starts now. After it: that reload is under way (or was
    // aborted by the take-over); a page that unloads takes this timer with it.
    if (!reloading) return reload();
    parts.setTimer(() => parts.reload(), STILL_HERE_MS);
  });
  if (settled()) return reload();
  worker.postMessage(SKIP_WAITING);
}

// Registering the service worker (src/ui/build/serviceWorker.ts) for the full
// app. A new version never reloads the page by itself: when its worker is
// installed and waiting, the page only says so (updateStore); it takes over
// when the reader chooses "reload", and the page reloads once, on the same
// address (the address holds the scenario, variant and frame).
// Not registered in the dev server, nor in the app's own embed mode, where the
// page sits in someone else's site and keeps nothing.
import type { Workbox } from 'workbox-window';
import { newVersionWaiting, updateStore } from './updateState';

let workbox: Promise<Workbox | null> | null = null;

export function registerServiceWorker(opts: { embed: boolean }): Promise<Workbox | null> {
  if (workbox) return workbox;
  if (!import.meta.env.PROD || opts.embed || !('serviceWorker' in navigator) || !window.isSecureContext) return (workbox = Promise.resolve(null));
  workbox = import('workbox-window').then(async ({ Workbox }) => {
    const base = import.meta.env.BASE_URL;
    const wb = new Workbox(`${base}sw.js`, { scope: base });
    // Also when the waiting worker was installed by an earlier visit (wasWaitingBeforeRegister).
    wb.addEventListener('waiting', () => updateStore.set(newVersionWaiting));
    try {
      // Refused where service workers are switched off (a browser setting, some test runners): the site then simply works online.
      if (!(await wb.register())) return null;
    } catch {
      return null;
    }
    return wb;
  });
  return workbox;
}

/**
 * The reader chose to reload: let the waiting worker take over, then reload once it does.
 * "Reload now" always reloads: when no worker waits any more (it may have taken over
 * on its own meanwhile), or when the take-over does not come within a few seconds.
 */
export async function reloadIntoNewVersion(): Promise<void> {
  let reloading = false;
  const reload = () => {
    if (reloading) return;
    reloading = true;
    location.reload();
  };
  // Set before anything is awaited: the reader asked for a reload, and it comes within a few seconds
  // even when the registration is still busy (its promise can stay pending while the prompt shows).
  setTimeout(reload, TAKE_OVER_WAIT_MS);
  const wb = await workbox;
  const waiting = (await navigator.serviceWorker?.getRegistration().catch(() => undefined))?.waiting;
  if (!wb || !waiting) return reload();
  // The take-over always reloads, even after the fallback did: a reload still handled by the old
  // worker is aborted when the new one takes over (net::ERR_ABORTED, and the page stayed as it was;
  // seen in 1 of 7 runs of the browser test on a busy machine).
  wb.addEventListener('controlling', () => location.reload());
  wb.messageSkipWaiting();
}

const TAKE_OVER_WAIT_MS = 4000;

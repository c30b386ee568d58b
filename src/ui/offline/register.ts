// Registering the service worker (src/ui/build/serviceWorker.ts) for the full
// app. A new version never reloads the page by itself: when its worker is
// installed and waiting, the page only says so (updateStore); it takes over
// when the reader chooses "reload", and the page reloads once it has (takeOver.ts),
// on the same address (the address holds the scenario, variant and frame).
// Not registered in the dev server, nor in the app's own embed mode, where the
// page sits in someone else's site and keeps nothing.
import type { Workbox } from 'workbox-window';
import { newVersionWaiting, updateStore } from './updateState';
import { takeOverThenReload } from './takeOver';

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

/** The reader chose to reload: the new version takes over, then the page reloads (takeOver.ts). */
export function reloadIntoNewVersion(): Promise<void> {
  return takeOverThenReload({
    waiting: async () => (await navigator.serviceWorker?.getRegistration())?.waiting ?? null,
    reload: () => location.reload(),
    setTimer: (job, ms) => void setTimeout(job, ms),
  });
}

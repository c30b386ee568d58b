// Both ends of the notes window's link. The presenting window says where it is
// whenever that changes and obeys the clicker presses the notes window passes
// on; the notes window opens what the presenting window shows and follows it.
import { useEffect, useRef } from 'react';
import { playerStore } from '../store/playerStore';
import { appStore } from '../store/appStore';
import { pause, seek } from '../store/commands';
import { applyUrl, currentUrl } from '../nav';
import { followedSearch, openChannel, type Channel, type RemoteCommand } from './channel';
import { presenterStore, presentNext, presentPrev } from './presenterStore';
import { presenterParams, toggleBlank, withParams } from './presenterState';
import { sandboxStore } from '../sandbox/sandboxState';
import { lastOf } from './lastOf';

export function runRemote(command: RemoteCommand): void {
  if (command === 'presentNext') presentNext();
  else if (command === 'presentPrev') presentPrev();
  else presenterStore.set(toggleBlank);
}

/** In the presenting window: tell a notes window where the lecture is. */
export function useBroadcastPosition(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let lastKey = '';
    let lastLoaded: unknown = null;
    let channel: Channel | null = null;
    // What is open (scenario or link, variant, language): all the followed address part depends on.
    const followed = lastOf(() => followedSearch(new URL(currentUrl(), location.href).search));
    const post = (force = false) => {
      const s = playerStore.get();
      if (!s.loaded || !channel) return;
      // Cheap check first: the store changes every animation frame while playing.
      const key = `${s.variant}|${s.lang}|${s.frame}|${s.selectedMail}|${appStore.get().data?.length ?? 0}`;
      if (!force && key === lastKey && lastLoaded === s.loaded) return;
      lastKey = key;
      lastLoaded = s.loaded;
      const search = followed([s.loaded, s.variant, s.lang, appStore.get().data, sandboxStore.get()]);
      channel.post({ kind: 'state', search, frame: s.frame, pointer: s.selectedMail });
    };
    channel = openChannel((m) => {
      if (m.kind === 'hello') post(true);
      else if (m.kind === 'command') runRemote(m.command);
    });
    post(true);
    const off = playerStore.subscribe(() => post());
    return () => {
      off();
      channel?.close();
    };
  }, [enabled]);
}

/** In the notes window: follow the presenting window. Returns how to pass a clicker press on to it. */
export function useFollowPresenter(): (command: RemoteCommand) => void {
  const channelRef = useRef<Channel | null>(null);
  useEffect(() => {
    let shown = followedSearch(location.search);
    // Where the presenting window last said it is. The answer to our 'hello' can come before this window has
    // loaded its scenario (a reload, a slow machine); the open then lands on the frame in this window's own
    // address, which may be older. So the last position is applied again whenever a timeline has loaded.
    let latest: { frame: number; pointer: string | null } | null = null;
    const follow = () => {
      const m = latest;
      if (!m) return;
      playerStore.set((s) => {
        if (!s.timeline) return s;
        const at = s.frame === m.frame ? s : seek(pause(s), m.frame);
        return at.selectedMail === m.pointer ? at : { ...at, selectedMail: m.pointer };
      });
    };
    const channel = openChannel((m) => {
      if (m.kind !== 'state') return;
      if (m.search !== shown) {
        shown = m.search;
        applyUrl(`${m.search}${m.search ? '&' : '?'}frame=${m.frame}`, navigator.languages ?? [navigator.language]);
        // applyUrl reads presenter settings from the address it is given: this window stays the notes window.
        presenterStore.set((p) => ({ ...p, notesWindow: true, on: false }));
      }
      latest = { frame: m.frame, pointer: m.pointer };
      follow();
    });
    let timeline = playerStore.get().timeline;
    const off = playerStore.subscribe(() => {
      const now = playerStore.get().timeline;
      if (now === timeline) return;
      timeline = now;
      follow();
    });
    channelRef.current = channel;
    channel?.post({ kind: 'hello' });
    return () => {
      off();
      channel?.close();
    };
  }, []);
  return (command) => channelRef.current?.post({ kind: 'command', command });
}

/** Open (or bring forward) the notes window for what this window shows. */
export function openNotesWindow(): void {
  const here = new URL(currentUrl(), location.href);
  const search = followedSearch(here.search);
  const frame = playerStore.get().frame;
  const url = withParams(`${here.pathname}${search}${search ? '&' : '?'}frame=${frame}`, presenterParams({ on: false, notesWindow: true, handout: false, theme: presenterStore.get().theme }));
  window.open(url, 'mail-sync-sandbox-notes', 'popup=yes,width=1000,height=720');
}

// The embed's side of the message API (see messages.ts): tell the host what
// happens, obey its commands. Messages go only to window.parent; commands are
// taken only from window.parent and only in their exact form.
import type { Store } from '../store/store';
import type { Lang, PlayerState } from '../store/playerState';
import { pause, play, seek, stepMarks, stepOrdinalAt } from '../store/commands';
import { parseHostCommand, type EmbedEvent } from './messages';
import { wordpressHeight } from './wordpress';

export interface BridgeOptions {
  readonly store: Store<PlayerState>;
  readonly scenarioId: string;
  readonly setLang: (lang: Lang) => void;
  /** WordPress's secret from the address, if WordPress embedded this page. */
  readonly wordpressSecret: string | null;
  readonly host?: Window;
}

/** The step shown at a frame, as the controls count it (0 before the first step). */
export function stepAt(s: PlayerState, frame: number): number {
  return stepOrdinalAt(stepMarks(s), frame) + 1;
}

export function connectHost(o: BridgeOptions): () => void {
  const host = o.host ?? window.parent;
  const framed = host !== window;
  // The host's origin is not known to the embed and the messages carry nothing private: '*'.
  const post = (m: EmbedEvent) => {
    if (framed) host.postMessage(m, '*');
  };
  const { store } = o;
  const initial = store.get();
  post({ type: 'mailsync:ready', scenario: o.scenarioId, frames: initial.timeline?.frames.length ?? 0 });
  post({ type: 'mailsync:frame', frame: initial.frame, step: stepAt(initial, initial.frame) });

  let last = initial;
  const off = store.subscribe(() => {
    const s = store.get();
    const prev = last;
    last = s;
    if (s.frame !== prev.frame) post({ type: 'mailsync:frame', frame: s.frame, step: stepAt(s, s.frame) });
    const end = (s.timeline?.frames.length ?? 1) - 1;
    if (prev.playing && !s.playing && s.frame >= end) post({ type: 'mailsync:ended' });
  });

  const onMessage = (e: MessageEvent) => {
    if (!framed || e.source !== host) return;
    const cmd = parseHostCommand(e.data);
    if (!cmd) return;
    switch (cmd.type) {
      case 'mailsync:play':
        return store.set(play);
      case 'mailsync:pause':
        return store.set(pause);
      case 'mailsync:seek':
        return store.set((s) => seek(pause(s), cmd.frame));
      case 'mailsync:lang':
        return o.setLang(cmd.lang);
    }
  };
  window.addEventListener('message', onMessage);

  let sentHeight = -1;
  const sendHeight = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === sentHeight) return;
    sentHeight = height;
    post({ type: 'mailsync:height', height });
    if (framed && o.wordpressSecret) host.postMessage(wordpressHeight(height, o.wordpressSecret), '*');
  };
  const ro = new ResizeObserver(sendHeight);
  ro.observe(document.documentElement);
  sendHeight();

  return () => {
    off();
    ro.disconnect();
    window.removeEventListener('message', onMessage);
  };
}

// The presenting window and the notes window talk over a BroadcastChannel
// (same origin only). The presenting window says where it is; the notes window
// asks for that when it opens and passes on the clicker's presses it receives.

export const CHANNEL_NAME = 'mail-sync-sandbox-lecture';

export type RemoteCommand = 'presentNext' | 'presentPrev' | 'blank';

export type LectureMessage =
  | {
      readonly kind: 'state';
      /** The presenting window's address query: scenario (or data), variant, lang. */
      readonly search: string;
      readonly frame: number;
      readonly pointer: string | null;
    }
  | { readonly kind: 'hello' }
  | { readonly kind: 'command'; readonly command: RemoteCommand };

const COMMANDS: readonly RemoteCommand[] = ['presentNext', 'presentPrev', 'blank'];

/** A message from the channel, checked: anything else is ignored. */
export function parseMessage(data: unknown): LectureMessage | null {
  if (!data || typeof data !== 'object') return null;
  const d = data as Record<string, unknown>;
  switch (d.kind) {
    case 'hello':
      return { kind: 'hello' };
    case 'command':
      return COMMANDS.includes(d.command as RemoteCommand) ? { kind: 'command', command: d.command as RemoteCommand } : null;
    case 'state':
      if (typeof d.search !== 'string' || d.search.length > 200_000) return null;
      if (typeof d.frame !== 'number' || !Number.isInteger(d.frame) || d.frame < 0) return null;
      if (d.pointer !== null && typeof d.pointer !== 'string') return null;
      return { kind: 'state', search: d.search, frame: d.frame, pointer: d.pointer as string | null };
    default:
      return null;
  }
}

/** The part of an address that names what is shown, without the moment and the window's own settings. */
export function followedSearch(search: string): string {
  const q = new URLSearchParams(search);
  const out = new URLSearchParams();
  for (const k of ['data', 'scenario', 'variant', 'lang']) {
    const v = q.get(k);
    if (v !== null) out.set(k, v);
  }
  const text = out.toString();
  return text ? `?${text}` : '';
}

export interface Channel {
  post(message: LectureMessage): void;
  close(): void;
}

export function openChannel(onMessage: (m: LectureMessage) => void): Channel | null {
  if (typeof BroadcastChannel !== 'function') return null;
  const bc = new BroadcastChannel(CHANNEL_NAME);
  bc.onmessage = (ev: MessageEvent) => {
    const m = parseMessage(ev.data);
    if (m) onMessage(m);
  };
  return {
    post: (m) => bc.postMessage(m),
    close: () => bc.close(),
  };
}

// The message API between an embed and the page around it (window.postMessage).
// To the host:   mailsync:ready {scenario, frames} · mailsync:frame {frame, step}
//                mailsync:ended · mailsync:height {height}
// From the host: mailsync:play · mailsync:pause · mailsync:seek {frame}
//                mailsync:lang {lang}
// Anything from the host is checked strictly: the exact type, exactly the
// expected keys, values of the expected kind and range; everything else is
// ignored without a word (a host page may carry other widgets' messages).
import type { Lang } from '../store/playerState';

export type HostCommand =
  | { readonly type: 'mailsync:play' }
  | { readonly type: 'mailsync:pause' }
  | { readonly type: 'mailsync:seek'; readonly frame: number }
  | { readonly type: 'mailsync:lang'; readonly lang: Lang };

export type EmbedEvent =
  | { readonly type: 'mailsync:ready'; readonly scenario: string; readonly frames: number }
  | { readonly type: 'mailsync:frame'; readonly frame: number; readonly step: number }
  | { readonly type: 'mailsync:ended' }
  | { readonly type: 'mailsync:height'; readonly height: number };

const MAX_FRAME = 10_000_000;

function plainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function hasExactly(o: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(o);
  return own.length === keys.length && keys.every((k) => Object.prototype.hasOwnProperty.call(o, k));
}

/** A host's command, or null for anything that is not exactly one. */
export function parseHostCommand(data: unknown): HostCommand | null {
  if (!plainObject(data) || typeof data.type !== 'string') return null;
  switch (data.type) {
    case 'mailsync:play':
    case 'mailsync:pause':
      return hasExactly(data, ['type']) ? { type: data.type } : null;
    case 'mailsync:seek': {
      const f = data.frame;
      return hasExactly(data, ['type', 'frame']) && typeof f === 'number' && Number.isInteger(f) && f >= 0 && f <= MAX_FRAME ? { type: 'mailsync:seek', frame: f } : null;
    }
    case 'mailsync:lang':
      return hasExactly(data, ['type', 'lang']) && (data.lang === 'de' || data.lang === 'en') ? { type: 'mailsync:lang', lang: data.lang } : null;
    default:
      return null;
  }
}

/** The same check for events, for hosts and the web component (they receive from an embed). */
export function parseEmbedEvent(data: unknown): EmbedEvent | null {
  if (!plainObject(data) || typeof data.type !== 'string') return null;
  const count = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_FRAME;
  switch (data.type) {
    case 'mailsync:ready':
      return hasExactly(data, ['type', 'scenario', 'frames']) && typeof data.scenario === 'string' && data.scenario.length <= 200 && count(data.frames)
        ? { type: 'mailsync:ready', scenario: data.scenario, frames: data.frames as number }
        : null;
    case 'mailsync:frame':
      return hasExactly(data, ['type', 'frame', 'step']) && count(data.frame) && count(data.step) ? { type: 'mailsync:frame', frame: data.frame as number, step: data.step as number } : null;
    case 'mailsync:ended':
      return hasExactly(data, ['type']) ? { type: 'mailsync:ended' } : null;
    case 'mailsync:height':
      return hasExactly(data, ['type', 'height']) && count(data.height) ? { type: 'mailsync:height', height: data.height as number } : null;
    default:
      return null;
  }
}

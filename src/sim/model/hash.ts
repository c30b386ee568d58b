// A small deterministic hash (FNV-1a), for ids that must look like a real
// server's (LMTP session ids) yet be the same on every run.
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A 22-character base64-looking id, like Dovecot's LMTP session ids. */
export function pseudoId(text: string): string {
  let out = '';
  let h = fnv1a(text);
  for (let i = 0; i < 22; i++) {
    if (i % 5 === 0) h = fnv1a(text + i, h);
    out += B64[h & 63];
    h >>>= 6;
  }
  return out;
}

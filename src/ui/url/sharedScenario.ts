// A user-edited scenario travels inside the link, compressed. On the way back in
// it is untrusted text: decompress, parse and validate it, and say what is wrong.
// lz-string is CommonJS without named exports Node can see: the default import works in Node and Vite alike.
import LZString from 'lz-string';
import { loadWithinLimits, formatProblem, type Scenario } from '../../sim';

export const SHARED_FILE = 'shared link';
/** Links longer than this are refused before any work is done. */
export const MAX_DATA_CHARS = 200_000;

export function encodeScenario(scenario: unknown): string {
  return LZString.compressToEncodedURIComponent(JSON.stringify(scenario));
}

export type Decoded = { ok: true; scenario: Scenario } | { ok: false; problems: string[] };

export function decodeScenario(data: string): Decoded {
  if (data.length > MAX_DATA_CHARS) return { ok: false, problems: [`${SHARED_FILE}: the scenario in the link is too long (${data.length} characters; at most ${MAX_DATA_CHARS})`] };
  let text: string | null;
  try {
    text = LZString.decompressFromEncodedURIComponent(data);
  } catch {
    text = null;
  }
  if (!text) return { ok: false, problems: [`${SHARED_FILE}: the link is damaged — the scenario in it cannot be unpacked (was it cut off when copied?)`] };
  const result = loadWithinLimits(SHARED_FILE, text);
  if (!result.ok) return { ok: false, problems: result.problems.map(formatProblem) };
  return { ok: true, scenario: result.scenario };
}

import { loadScenarioText, type LoadResult } from '../scenario/load';
// Limits on the shape of a file before it is parsed. JSON nested thousands of
// levels deep is a few kilobytes, and recursive parsers and validators run out
// of stack on it; no scenario needs more than a handful of levels.

/** Deepest nesting of objects and arrays a scenario file may have (a scenario needs about 7). */
export const MAX_NESTING = 64;

/** Where the text first nests deeper than the limit, as a located message; null when it does not. */
export function nestingProblem(text: string, max = MAX_NESTING): string | null {
  let depth = 0;
  let inString = false;
  let line = 1;
  let column = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    column++;
    if (c === 10) {
      line++;
      column = 0;
      continue;
    }
    if (inString) {
      if (c === 92) {
        i++;
        column++;
      } else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return `nested more than ${max} levels deep at line ${line}, column ${column}: a scenario needs only a few levels — is this the right file?`;
    } else if (c === 125 || c === 93) depth--;
  }
  return null;
}

/**
 * Load a file from a stranger: refuse what nests too deep before parsing, and
 * turn anything the loader throws into a problem instead of a crash.
 */
export function loadWithinLimits(file: string, text: string): LoadResult {
  const deep = nestingProblem(text);
  if (deep) return { ok: false, problems: [{ file, path: '', message: deep }] };
  try {
    return loadScenarioText(file, text);
  } catch (err) {
    return { ok: false, problems: [{ file, path: '', message: `the file could not be checked (${err instanceof Error ? err.message : String(err)}) — please report it with the file` }] };
  }
}

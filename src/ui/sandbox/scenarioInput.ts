// The scenario as the builder edits it: the file format's input shape (defaults
// may be missing), and an immutable setter by path.
import type { z } from 'zod';
import type { Scenario } from '../../sim';

export type ScenarioInput = z.input<typeof Scenario>;
export type Path = ReadonlyArray<string | number>;

/** `data` with the value at `path` replaced (undefined removes a key); nothing else is copied. */
export function setIn<T>(data: T, path: Path, value: unknown): T {
  if (!path.length) return value as T;
  const [head, ...rest] = path;
  const base: unknown = data ?? (typeof head === 'number' ? [] : {});
  if (Array.isArray(base)) {
    const copy = [...base];
    copy[head as number] = setIn(copy[head as number], rest, value);
    return copy as T;
  }
  const obj = { ...(base as Record<string, unknown>) };
  const next = setIn(obj[head as string], rest, value);
  if (next === undefined) delete obj[head as string];
  else obj[head as string] = next;
  return obj as T;
}

export function getIn(data: unknown, path: Path): unknown {
  let cur = data;
  for (const part of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[part];
  }
  return cur;
}

/** The loader's way of writing a path: world.devices[1].pop3.leaveOnServer. */
export function pathText(path: Path): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out;
}

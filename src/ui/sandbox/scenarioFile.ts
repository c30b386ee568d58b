// The scenario as a file: the format's own fields, `$schema` first so editors
// check it, pretty-printed like the built-in files.
export const SCHEMA_REF = './scenario.schema.json';
/** Files larger than this are refused before reading: no scenario needs it. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export function scenarioFileText(data: unknown): string {
  const rest = { ...(data as Record<string, unknown>) };
  delete rest.$schema;
  return `${JSON.stringify({ $schema: SCHEMA_REF, ...rest }, null, 2)}\n`;
}

export function scenarioFileName(data: unknown): string {
  const id = (data as { id?: unknown } | null)?.id;
  return `${typeof id === 'string' && /^[a-z][a-z0-9-]{0,31}$/.test(id) ? id : 'scenario'}.json`;
}

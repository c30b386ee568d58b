// The checked-in JSON Schema is the one the zod schema gives (run `npm run schema` after changing the format).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scenarioJsonSchemaText } from '../../../src/sim/scenario/jsonSchema';

describe('scenario.schema.json', () => {
  it('is up to date with the zod schema', () => {
    expect(readFileSync('scenarios/scenario.schema.json', 'utf8')).toBe(scenarioJsonSchemaText());
  });

  it('is referenced by every built-in scenario', async () => {
    const { readdirSync } = await import('node:fs');
    for (const f of readdirSync('scenarios').filter((x) => x.endsWith('.json') && x !== 'scenario.schema.json')) {
      expect(JSON.parse(readFileSync(`scenarios/${f}`, 'utf8')).$schema, f).toBe('./scenario.schema.json');
    }
  });
});

// The embed's stand-in for the scenario loader must offer every function the
// loader exports (a new export in the loader would otherwise break only the
// embed's build, or worse, only a data= link at run time), and must answer the
// one call built-in scenarios make — withVariant without a variant — without the loader.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { standInSource } from '../../../src/ui/build/embedWithoutValidator';

const LOADER = resolve(import.meta.dirname, '../../../src/sim/scenario/load.ts');
const valueExports = (src: string) => [...src.matchAll(/^export (?:async )?(?:function|const|let|class) (\w+)/gm)].map((m) => m[1]).sort();

describe('the embed without the validator', () => {
  it('offers every function the loader exports, and loadValidator', () => {
    const stand = valueExports(standInSource(LOADER));
    expect(stand).toEqual([...valueExports(readFileSync(LOADER, 'utf8')), 'loadValidator'].sort());
  });

  it('passes a built-in scenario through withVariant without a variant, and refuses anything else until the validator is loaded', async () => {
    const url = `data:text/javascript,${encodeURIComponent(standInSource('data:text/javascript,export const withVariant = () => "real";'))}`;
    const m = await import(/* @vite-ignore */ url);
    const scenario = { id: 'x' };
    expect(m.withVariant(scenario, undefined)).toBe(scenario);
    expect(() => m.withVariant(scenario, 'imap')).toThrow(/validator is not loaded/);
    expect(() => m.loadScenarioText('f', '{}')).toThrow(/validator is not loaded/);
    await m.loadValidator();
    expect(m.withVariant(scenario, 'imap')).toBe('real');
  });
});

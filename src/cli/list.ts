// npm run sim -- --list [--lang de|en]
// The built-in scenarios with the claims each proves (and refutes), so a
// course can find "the scenario for P9".
import { formatProblem } from '../sim';
import { loadLibrary } from '../claims/libraryFromDisk';
import { table } from './table';

export type Lang = 'de' | 'en';

const HEAD: Record<Lang, string[]> = {
  en: ['scenario', 'proves', 'refutes', 'variants', 'title'],
  de: ['Szenario', 'belegt', 'widerlegt', 'Varianten', 'Titel'],
};

export function listScenarios(lang: Lang, dir?: string): number {
  const library = loadLibrary(dir);
  const rows = library.entries.map(({ scenario: s }) => [
    s.id,
    s.claims.join(' ') || '-',
    s.counterTo.join(' ') || '-',
    Object.keys(s.variants).join(' ') || '-',
    s.title[lang],
  ]);
  console.log(table(HEAD[lang], rows));
  console.log(lang === 'de' ? `\n${rows.length} Szenarien.` : `\n${rows.length} scenarios.`);
  for (const p of library.problems) console.error(formatProblem(p));
  return library.problems.length ? 1 : 0;
}

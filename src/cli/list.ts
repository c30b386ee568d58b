// npm run sim -- --list [--lang de|en]
// The built-in scenarios with the claims each proves (and refutes), so a
// course can find "the scenario for P9".
import { formatProblem } from '../sim';
import { loadLibrary } from '../claims/libraryFromDisk';
import { table } from './table';

export type Lang = 'de' | 'en';

const HEAD: Record<Lang, string[]> = {
  en: ['scenario', 'proves', 'refutes', 'variants', 'questions', 'title'],
  de: ['Szenario', 'belegt', 'widerlegt', 'Varianten', 'Fragen', 'Titel'],
};

export function listScenarios(lang: Lang, dir?: string): number {
  const library = loadLibrary(dir);
  const rows = library.entries.map(({ scenario: s }) => [
    s.id,
    s.claims.join(' ') || '-',
    s.counterTo.join(' ') || '-',
    Object.keys(s.variants).join(' ') || '-',
    String(s.questions.length),
    s.title[lang],
  ]);
  console.log(table(HEAD[lang], rows));
  const asking = library.entries.filter((e) => e.scenario.questions.length > 0);
  const questions = asking.reduce((n, e) => n + e.scenario.questions.length, 0);
  console.log(
    lang === 'de'
      ? `\n${rows.length} Szenarien, ${asking.length} davon mit Fragen (${questions} Fragen).`
      : `\n${rows.length} scenarios, ${asking.length} of them with questions (${questions} questions).`,
  );
  for (const p of library.problems) console.error(formatProblem(p));
  return library.problems.length ? 1 : 0;
}

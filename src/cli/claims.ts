// npm run sim -- --claims [--lang de|en]
// Every claim of the source articles with the scenarios that prove it and
// those that show where it breaks. Exits 1 when a claim has no scenario, or a
// claim that holds only under some settings has no counter-scenario.
import { formatProblem } from '../sim';
import { CLAIMS } from '../claims/catalogue';
import { claimCoverage } from '../claims/coverage';
import { loadLibrary } from '../claims/libraryFromDisk';
import type { Lang } from './list';

const TEXT = {
  en: {
    proves: 'proved by', counters: 'breaks in', none: '(none)', missingProof: 'MISSING: no scenario proves it', missingCounter: 'MISSING: no counter-scenario', sometimes: 'holds only under some settings',
    always: 'holds: always', under: 'holds under these settings', not: 'does not hold', notModelled: 'not modelled',
  },
  de: {
    proves: 'belegt in', counters: 'widerlegt in', none: '(keins)', missingProof: 'FEHLT: kein Szenario belegt sie', missingCounter: 'FEHLT: kein Gegenszenario', sometimes: 'gilt nur unter bestimmten Einstellungen',
    always: 'gilt: immer', under: 'gilt unter diesen Einstellungen', not: 'gilt nicht', notModelled: 'nicht modelliert',
  },
};

export function printClaims(lang: Lang, dir?: string): number {
  const t = TEXT[lang];
  const library = loadLibrary(dir);
  const coverage = claimCoverage(library.entries.map((e) => e.scenario), CLAIMS);
  for (const c of coverage) {
    console.log(`${c.claim.id.padEnd(4)} ${c.claim.claim[lang]}${c.claim.needsCounter ? `  [${t.sometimes}]` : ''}`);
    console.log(`     ${t.proves}: ${c.proves.join(', ') || t.none}`);
    if (c.counters.length || c.claim.needsCounter) console.log(`     ${t.counters}: ${c.counters.join(', ') || t.none}`);
    if (c.missing.includes('proof')) console.log(`     ${t.missingProof}`);
    if (c.missing.includes('counter')) console.log(`     ${t.missingCounter}`);
    const v = c.verdict;
    console.log(
      `     ${v.holds === 'always' ? t.always : v.holds === 'under' ? `${t.under}: ${v.settings[lang]}` : v.holds === 'not' ? `${t.not}: ${v.why[lang]}` : `${t.notModelled}: ${v.why[lang]}`}`,
    );
  }
  const uncovered = coverage.filter((c) => c.missing.length);
  const needing = coverage.filter((c) => c.claim.needsCounter);
  console.log(
    lang === 'de'
      ? `\n${coverage.length} Behauptungen, ${coverage.length - uncovered.length} vollständig abgedeckt; ${needing.filter((c) => c.counters.length).length} von ${needing.length} brauchen ein Gegenszenario und haben eins. ${library.entries.length} Szenarien.`
      : `\n${coverage.length} claims, ${coverage.length - uncovered.length} fully covered; ${needing.filter((c) => c.counters.length).length} of ${needing.length} needing a counter-scenario have one. ${library.entries.length} scenarios.`,
  );
  const n = (h: string) => coverage.filter((c) => c.verdict.holds === h).length;
  console.log(
    lang === 'de'
      ? `Es gelten ${n('always')} immer, ${n('under')} nur unter bestimmten Einstellungen, ${n('not')} gar nicht; ${n('not-modelled')} nicht modelliert.`
      : `${n('always')} hold always, ${n('under')} only under named settings, ${n('not')} not at all; ${n('not-modelled')} not modelled.`,
  );
  for (const p of library.problems) console.error(formatProblem(p));
  return uncovered.length || library.problems.length ? 1 : 0;
}

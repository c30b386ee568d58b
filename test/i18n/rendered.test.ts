// Every built-in scenario, every variant, every frame, read in German and in
// English through the narration path the CLI and the player use: no plural
// fallbacks, no English folder or subject words in the German view (subjects
// and custom folders are bilingual scenario data), no raw ids where the picture
// shows a name, no missing keys or parameters. The scenarios' own texts, the UI
// strings and the claims are held to the same rules.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioText, scenarioTexts as scenarioData, simulate, type Scenario } from '../../src/sim';
import { narrate, timelineNames, type Lang } from '../../src/i18n/narrate';
import { uiDe } from '../../src/i18n/ui.de';
import { uiEn } from '../../src/i18n/ui.en';
import { CLAIMS } from '../../src/claims/catalogue';
import { englishInGerman, pluralProblems } from './textRules';

const DIR = 'scenarios';
const scenarios: Scenario[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
  .sort()
  .map((f) => {
    const loaded = loadScenarioText(f, readFileSync(join(DIR, f), 'utf8'));
    if (!loaded.ok) throw new Error(`${f} does not load`);
    return loaded.scenario;
  });

const LANGS: readonly Lang[] = ['de', 'en'];

interface Rendered {
  readonly where: string;
  readonly lang: Lang;
  readonly text: string;
  readonly problems: string[];
}

/** Every frame's narration of every run, with what is wrong with it. */
function renderAll(): Rendered[] {
  const out: Rendered[] = [];
  for (const sc of scenarios) {
    for (const variant of [null, ...Object.keys(sc.variants)]) {
      const timeline = simulate(sc, { variant });
      const mailIds = [...(timeline.frames.at(-1)?.state.mails.keys() ?? [])];
      // One pattern per run: a raw mail id or account id standing as a word of its own.
      const rawMail = new RegExp(`(^|[^\\w@.])(${mailIds.join('|')})($|[^\\w@.])`);
      const rawAccount = new RegExp(`(^|[^\\w@.'’])(${timeline.world.accounts.map((a) => a.id).join('|')})($|[^\\w@.])`);
      for (const lang of LANGS) {
        const names = timelineNames(timeline, lang, sc);
        // One text per key and parameter set: a burst of 1000 deliveries reads like one.
        const seen = new Set<string>();
        for (const frame of timeline.frames) {
          const n = frame.narration;
          const sig = `${n.key}|${JSON.stringify(n.params)}`;
          if (seen.has(sig)) continue;
          seen.add(sig);
          const text = narrate(n, lang, names);
          const problems = [...pluralProblems(text)];
          if (text.startsWith('[') || /\{\{|\}\}/.test(text) || text.includes('narration.')) problems.push('missing key or parameter');
          if (lang === 'de') for (const w of englishInGerman(text)) problems.push(`English "${w}"`);
          // Mails by the picture's number and subject, never by id.
          if (typeof n.params.mail === 'string') {
            const m = names.mail(n.params.mail);
            if (!m) problems.push(`no name for mail ${n.params.mail}`);
            else if (!text.includes(` ${m.label}`) || (m.subject !== null && !text.includes(m.subject))) problems.push(`mail ${n.params.mail} not named as in the picture`);
          }
          const withoutNames = text.replace(/[„"][^“"]*[“"]/g, ' ');
          const rm = mailIds.length ? rawMail.exec(withoutNames) : null;
          if (rm) problems.push(`raw mail id "${rm[2]}"`);
          // Devices by their labels, accounts by their addresses.
          if (typeof n.params.device === 'string') {
            const label = names.device(n.params.device);
            if (!text.includes(label)) problems.push(`device "${n.params.device}" not named "${label}"`);
          }
          const ra = rawAccount.exec(text);
          if (ra) problems.push(`raw account id "${ra[2]}"`);
          out.push({ where: `${sc.id}${variant ? `:${variant}` : ''} frame ${frame.index} ${n.key}`, lang, text, problems });
        }
      }
    }
  }
  return out;
}

function texts(obj: object, prefix = ''): Array<[string, string]> {
  return Object.entries(obj).flatMap(([k, v]): Array<[string, string]> => (typeof v === 'string' ? [[`${prefix}${k}`, v]] : texts(v as object, `${prefix}${k}.`)));
}

/** A scenario's own texts: title, summary, step notes, device labels, variant titles. */
function scenarioTexts(sc: Scenario, lang: Lang): Array<[string, string]> {
  const out: Array<[string, string]> = [
    [`${sc.id} title`, sc.title[lang]],
    [`${sc.id} summary`, sc.summary[lang]],
  ];
  sc.steps.forEach((s, i) => s.note && out.push([`${sc.id} step ${i + 1}`, s.note[lang]]));
  for (const d of sc.world.devices) if (d.label) out.push([`${sc.id} device ${d.id}`, d.label[lang]]);
  for (const [name, v] of Object.entries(sc.variants)) if (v.title) out.push([`${sc.id} variant ${name}`, v.title[lang]]);
  // The data the picture shows: mail subjects and custom folder names.
  const data = scenarioData(sc);
  for (const [id, text] of data.subjects) out.push([`${sc.id} subject of ${id}`, text[lang]]);
  for (const [id, text] of data.folders) out.push([`${sc.id} folder ${id}`, text[lang]]);
  return out;
}

describe('every built-in scenario read in both languages', () => {
  const rendered = renderAll();

  it('renders a narration for every frame in both languages', () => {
    expect(scenarios.length).toBeGreaterThan(20);
    expect(rendered.filter((r) => r.lang === 'de').length).toBe(rendered.filter((r) => r.lang === 'en').length);
    expect(rendered.length).toBeGreaterThan(1000);
  });

  it('has no plural fallback, English word in German, raw id or missing key in any narration', () => {
    const bad = rendered.filter((r) => r.problems.length).map((r) => `${r.where} [${r.lang}]: ${r.problems.join('; ')} — ${r.text}`);
    expect(bad).toEqual([]);
  });

  it("holds the scenarios' own texts to the same rules", () => {
    const bad: string[] = [];
    for (const sc of scenarios) {
      for (const lang of LANGS) {
        for (const [where, text] of scenarioTexts(sc, lang)) {
          const problems = pluralProblems(text);
          if (lang === 'de') problems.push(...englishInGerman(text).map((w) => `English "${w}"`));
          if (problems.length) bad.push(`${where} [${lang}]: ${problems.join('; ')} — ${text}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('holds the UI strings and the claims to the same rules', () => {
    const bad: string[] = [];
    const check = (where: string, lang: Lang, text: string) => {
      const problems = pluralProblems(text);
      if (lang === 'de') problems.push(...englishInGerman(text).map((w) => `English "${w}"`));
      if (problems.length) bad.push(`${where} [${lang}]: ${problems.join('; ')} — ${text}`);
    };
    // The protocol explanations quote commands and replies, which stay as the protocol has them.
    for (const [k, v] of texts(uiDe)) if (!k.startsWith('cmd.') && k !== 'app.title') check(`ui.${k}`, 'de', v);
    for (const [k, v] of texts(uiDe)) if (k.startsWith('cmd.')) for (const p of pluralProblems(v)) bad.push(`ui.${k} [de]: ${p}`);
    for (const [k, v] of texts(uiEn)) for (const p of pluralProblems(v)) bad.push(`ui.${k} [en]: ${p}`);
    for (const c of CLAIMS) {
      for (const lang of LANGS) {
        check(`${c.id} claim`, lang, c.claim[lang]);
        check(`${c.id} mustShow`, lang, c.mustShow[lang]);
      }
    }
    expect(bad).toEqual([]);
  });

  it('gives every mail subject and custom folder of the built-in scenarios a German and an English text', () => {
    const oneLanguage: string[] = [];
    for (const sc of scenarios) {
      for (const s of sc.steps)
        if ((s.do === 'mail.arrive' || s.do === 'device.send') && typeof s.mail.subject === 'string') oneLanguage.push(`${sc.id} subject "${s.mail.subject}"`);
      for (const f of sc.world.folders) if (typeof f === 'string') oneLanguage.push(`${sc.id} folder "${f}"`);
      for (const d of sc.world.devices) for (const f of d.localFolders) if (typeof f === 'string') oneLanguage.push(`${sc.id} ${d.id} folder "${f}"`);
    }
    expect(oneLanguage).toEqual([]);
  });
});

// The questions of one or more scenarios as Moodle XML (Moodle's own question
// import format: docs.moodle.org/en/Moodle_XML_format).
//
// Kinds map onto Moodle's question types:
//   where            → multichoice, several answers (every place counts; a wrong place cancels the mark)
//   devices          → numerical (exact, tolerance 0)
//   accepted, onServer, onDevice, lost → truefalse
//
// Languages: by default every text carries both languages as
// <span class="multilang" lang="de">…</span><span class="multilang" lang="en">…</span>,
// which Moodle shows in the reader's language once the "Multi-language content"
// filter is on (Site administration › Plugins › Filters). `lang: 'de' | 'en'`
// writes one language only, for a site without that filter.
//
// Every text from a scenario file is escaped: the file comes from a stranger,
// and Moodle renders question text as HTML.
import type { TFunction } from 'i18next';
import type { Scenario, Timeline } from '../sim';
import type { Lang } from '../i18n/names';
import { wordedQuestions, type WordedQuestion } from '../ui/quiz/questionText';
import { spotLabel, quizWords } from '../ui/quiz/questionText';

export type MoodleLang = Lang | 'multilang';

export interface QuizSource {
  readonly scenario: Scenario;
  readonly timeline: Timeline;
}

const LANGS: readonly Lang[] = ['de', 'en'];

/** Text as HTML: &, <, > and quotes escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** XML text content (the HTML is written as escaped text, not CDATA, so no "]]>" can end it early). Control characters XML 1.0 forbids are dropped. */
function xmlText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return escapeHtml(text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''));
}

type PerLang = Record<Lang, string>;

function html(per: PerLang, lang: MoodleLang): string {
  if (lang !== 'multilang') return per[lang];
  return LANGS.map((l) => `<span class="multilang" lang="${l}">${per[l]}</span>`).join('');
}

/** Plain text (names, category paths) in both languages: "Deutsch / English" when multilang. */
function plain(per: PerLang, lang: MoodleLang): string {
  if (lang !== 'multilang') return per[lang];
  return per.de === per.en ? per.en : `${per.de} / ${per.en}`;
}

interface Worded {
  readonly de: WordedQuestion;
  readonly en: WordedQuestion;
}

function both<T>(f: (l: Lang) => T): Record<Lang, T> {
  return { de: f('de'), en: f('en') };
}

function questionHtml(q: Worded, scenario: Scenario, l: Lang): string {
  const w = q[l];
  const story = w.story.length ? `<ol>${w.story.map((s) => `<li>${escapeHtml(s.replace(/^\d+\.\s*/, ''))}</li>`).join('')}</ol>` : '';
  return `<p><strong>${escapeHtml(scenario.title[l])}</strong></p><p>${escapeHtml(scenario.summary[l])}</p>${story}<p><em>${escapeHtml(w.context)}</em></p><p>${escapeHtml(w.text)}</p>`;
}

function feedbackHtml(q: Worded, l: Lang, answerLabel: string): string {
  const w = q[l];
  return `<p>${escapeHtml(answerLabel.replace('{{answer}}', w.answerText))}</p>${w.why.map((s) => `<p>${escapeHtml(s)}</p>`).join('')}`;
}

function textEl(tag: string, content: string, format?: string): string {
  return `<${tag}${format ? ` format="${format}"` : ''}><text>${xmlText(content)}</text></${tag}>`;
}

function answerEl(fraction: number, text: string, feedback = '', format = 'html'): string {
  return `<answer fraction="${fraction}" format="${format}"><text>${xmlText(text)}</text><feedback format="html"><text>${xmlText(feedback)}</text></feedback></answer>`;
}

// Moodle accepts only certain grade fractions; these are the ones 1 … 8 right answers need.
const SHARES: Record<number, number> = { 1: 100, 2: 50, 3: 33.33333, 4: 25, 5: 20, 6: 16.66667, 7: 14.28571, 8: 12.5 };

function questionXml(q: Worded, source: QuizSource, lang: MoodleLang, ts: Record<Lang, TFunction>): string {
  const { scenario, timeline } = source;
  const en = q.en;
  const name = plain(both((l) => `${scenario.id} ${q[l].index + 1}: ${q[l].text}`.slice(0, 250)), lang);
  const answerLabel = both((l) => ts[l]('ui.quiz.answerIs', { answer: '{{answer}}' }));
  const common = [
    textEl('name', name),
    textEl('questiontext', html(both((l) => questionHtml(q, scenario, l)), lang), 'html'),
    textEl('generalfeedback', html(both((l) => feedbackHtml(q, l, answerLabel[l])), lang), 'html'),
    '<defaultgrade>1</defaultgrade>',
    '<penalty>0</penalty>',
    '<hidden>0</hidden>',
    `<idnumber>${xmlText(`${scenario.id}-q${en.index + 1}`)}</idnumber>`,
  ];
  const answer = en.answer;
  if (answer.kind === 'yesno') {
    return `<question type="truefalse">${common.join('')}${answerEl(answer.value ? 100 : 0, 'true', '', 'moodle_auto_format')}${answerEl(answer.value ? 0 : 100, 'false', '', 'moodle_auto_format')}</question>`;
  }
  if (answer.kind === 'count') {
    return `<question type="numerical">${common.join('')}<answer fraction="100" format="moodle_auto_format"><text>${answer.value}</text><tolerance>0</tolerance><feedback format="html"><text></text></feedback></answer><units></units><unitgradingtype>0</unitgradingtype><unitpenalty>0.1</unitpenalty><showunits>3</showunits><unitsleft>0</unitsleft></question>`;
  }
  const words = both((l) => quizWords(timeline, scenario, ts[l], l));
  const right = new Set(answer.spots);
  const share = SHARES[Math.min(8, right.size)] ?? 12.5;
  const answers = answer.options.map((spot) => answerEl(right.has(spot) ? share : -100, html(both((l) => escapeHtml(spotLabel(spot, words[l]))), lang)));
  return `<question type="multichoice">${common.join('')}<single>false</single><shuffleanswers>false</shuffleanswers><answernumbering>abc</answernumbering><showstandardinstruction>0</showstandardinstruction>${answers.join('')}</question>`;
}

/** A Moodle XML document with a category per scenario and its questions in it. */
export function moodleXml(sources: readonly QuizSource[], lang: MoodleLang, ts: Record<Lang, TFunction>): string {
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<quiz>'];
  for (const source of sources) {
    const { scenario, timeline } = source;
    const de = wordedQuestions(scenario, timeline, ts.de, 'de');
    const en = wordedQuestions(scenario, timeline, ts.en, 'en');
    if (!en.length) continue;
    const category = plain(both((l) => scenario.title[l].replace(/\//g, '-')), lang);
    parts.push(`<question type="category"><category><text>${xmlText(`$course$/top/Mail Sync Sandbox/${category}`)}</text></category></question>`);
    en.forEach((e, i) => parts.push(questionXml({ de: de[i], en: e }, source, lang, ts)));
  }
  parts.push('</quiz>', '');
  return parts.join('\n');
}

/** How many questions a document will hold (for the CLI's summary). */
export function countQuestions(sources: readonly QuizSource[], t: TFunction): number {
  return sources.reduce((n, s) => n + wordedQuestions(s.scenario, s.timeline, t, 'en').length, 0);
}

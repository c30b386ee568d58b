// @vitest-environment jsdom
// The Moodle XML export, read back with a real XML parser: well-formed, and
// shaped as Moodle's importer reads it (quiz > question[type] > name,
// questiontext[format], answer[fraction] …), with the answers the run gives.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioData, loadScenarioText, simulate } from '../../src/sim';
import { moodleXml } from '../../src/lms/moodleXml';
import { fixedT } from '../../src/lms/texts';

const ts = { de: fixedT('de'), en: fixedT('en') };

function source(id: string) {
  const file = `scenarios/${id}.json`;
  const r = loadScenarioText(file, readFileSync(file, 'utf8'));
  if (!r.ok) throw new Error(file);
  return { scenario: r.scenario, timeline: simulate(r.scenario) };
}

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed: ${error.textContent}`);
  return doc;
}

/** What Moodle shows for an HTML text. */
const htmlText = (html: string) => new DOMParser().parseFromString(html, 'text/html').body.textContent;

const child = (el: Element, name: string) => [...el.children].filter((c) => c.tagName === name);
const one = (el: Element, name: string) => {
  const found = child(el, name);
  expect(found, `<${el.tagName}> has one <${name}>`).toHaveLength(1);
  return found[0];
};

/** The structure Moodle's importer (question/format/xml/format.php) reads. */
function checkStructure(doc: Document) {
  const quiz = doc.documentElement;
  expect(quiz.tagName).toBe('quiz');
  const questions = child(quiz, 'question');
  for (const q of questions) {
    const type = q.getAttribute('type');
    expect(['category', 'multichoice', 'truefalse', 'numerical']).toContain(type);
    if (type === 'category') {
      expect(one(one(q, 'category'), 'text').textContent).toMatch(/^\$course\$\/top\//);
      continue;
    }
    expect(one(one(q, 'name'), 'text').textContent!.length).toBeGreaterThan(0);
    const text = one(q, 'questiontext');
    expect(text.getAttribute('format')).toBe('html');
    expect(one(text, 'text').textContent!.length).toBeGreaterThan(0);
    const answers = child(q, 'answer');
    for (const a of answers) {
      expect(Number.isFinite(Number(a.getAttribute('fraction')))).toBe(true);
      one(a, 'text');
    }
    const fractions = answers.map((a) => Number(a.getAttribute('fraction')));
    if (type === 'truefalse') {
      expect(answers.map((a) => one(a, 'text').textContent)).toEqual(['true', 'false']);
      expect(fractions.sort()).toEqual([0, 100]);
    }
    if (type === 'numerical') {
      expect(answers).toHaveLength(1);
      expect(fractions).toEqual([100]);
      expect(one(answers[0], 'tolerance').textContent).toBe('0');
    }
    if (type === 'multichoice') {
      expect(one(q, 'single').textContent).toBe('false');
      const positive = fractions.filter((f) => f > 0).reduce((a, b) => a + b, 0);
      expect(Math.abs(positive - 100)).toBeLessThan(0.001);
    }
  }
  return questions.filter((q) => q.getAttribute('type') !== 'category');
}

describe('Moodle XML', () => {
  it('exports the questions of several scenarios, one category each, well-formed and shaped for the importer', () => {
    const sources = ['pop3-three-devices', 'quota-full-bounce', 'imap-household'].map(source);
    const doc = parse(moodleXml(sources, 'multilang', ts));
    const questions = checkStructure(doc);
    expect(questions).toHaveLength(sources.reduce((n, s) => n + s.scenario.questions.length, 0));
    expect(child(doc.documentElement, 'question').filter((q) => q.getAttribute('type') === 'category')).toHaveLength(3);
  });

  it('carries the answers the run gives: message 1 only on the phone, message 4 refused', () => {
    const doc = parse(moodleXml([source('pop3-three-devices'), source('quota-full-bounce')], 'en', ts));
    const [where] = checkStructure(doc);
    expect(where.getAttribute('type')).toBe('multichoice');
    const right = child(where, 'answer').filter((a) => Number(a.getAttribute('fraction')) > 0).map((a) => htmlText(one(a, 'text').textContent!));
    expect(right).toEqual(["on Anna's phone"]);
    const refused = [...doc.getElementsByTagName('idnumber')].find((el) => el.textContent === 'quota-full-bounce-q2')!.parentElement!;
    expect(refused.getAttribute('type')).toBe('truefalse');
    const trueAnswer = child(refused, 'answer').find((a) => one(a, 'text').textContent === 'true')!;
    expect(trueAnswer.getAttribute('fraction')).toBe('0');
  });

  it('with the multilang filter, each text is there in both languages', () => {
    const doc = parse(moodleXml([source('pop3-three-devices')], 'multilang', ts));
    const html = one(child(doc.documentElement, 'question')[1], 'questiontext').textContent!;
    const spans = new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html').querySelectorAll('span.multilang');
    expect([...spans].map((s) => s.getAttribute('lang'))).toEqual(['de', 'en']);
    expect(spans[0].textContent).toContain('Wo ist Nachricht 1?');
    expect(spans[1].textContent).toContain('where is message 1?');
  });

  it('never lets a scenario’s text become markup or break the XML', () => {
    const hostile = '<script>alert(1)</script> ]]> & "q"';
    const r = loadScenarioData('x.json', {
      id: 'hostile',
      title: { de: hostile, en: hostile },
      summary: { de: hostile, en: hostile },
      world: { accounts: [{ id: 'alice', address: 'alice@example.org' }], devices: [{ id: 'laptop', kind: 'laptop', account: 'alice', protocol: 'pop3' }] },
      steps: [
        { at: 'day 1, 09:00', do: 'mail.arrive', mail: { id: 'm1', from: 'bob@example.com', to: ['alice'], subject: hostile }, note: { de: hostile, en: hostile } },
        { at: 'day 1, 10:00', do: 'device.check', device: 'laptop', note: { de: hostile, en: hostile } },
      ],
      questions: [{ step: 1, kind: 'onServer', mail: 'm1', text: { de: hostile, en: hostile } }],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const doc = parse(moodleXml([{ scenario: r.scenario, timeline: simulate(r.scenario) }], 'multilang', ts));
    const [q] = checkStructure(doc);
    const html = one(one(q, 'questiontext'), 'text').textContent!;
    const rendered = new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html');
    expect(rendered.querySelector('script')).toBeNull();
    expect(rendered.body.textContent).toContain('<script>alert(1)</script> ]]> & "q"');
  });
});

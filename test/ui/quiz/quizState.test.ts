// The quiz's transitions: where playback stops, what a response scores, and
// what is kept across a reload.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioText, simulate } from '../../../src/sim';
import { askedQuestions, closeQuestion, initialQuizState, openQuestion, parseSavedResponses, respond, scoreOf, stopFor, toggleSpot } from '../../../src/ui/quiz/quizState';

const r = loadScenarioText('x', readFileSync('scenarios/pop3-three-devices.json', 'utf8'));
if (!r.ok) throw new Error('load');
const scenario = r.scenario;
const timeline = simulate(scenario);
const questions = askedQuestions(scenario, timeline);

describe('where playback stops', () => {
  const first = questions[0];
  it('asks at the frame before the step', () => {
    expect(first.ask).toBe(timeline.stepStarts[first.question.step] - 1);
  });
  it('a move that would run the step stops; one that stays before it does not', () => {
    expect(stopFor(questions, initialQuizState, 0, first.ask + 1, false)?.index).toBe(first.index);
    expect(stopFor(questions, initialQuizState, 0, timeline.frames.length - 1, false)?.index).toBe(first.index);
    expect(stopFor(questions, initialQuizState, 0, first.ask, false)).toBeNull();
    expect(stopFor(questions, initialQuizState, 0, first.ask, true)?.index).toBe(first.index);
    expect(stopFor(questions, initialQuizState, first.ask + 1, 0, true)).toBeNull();
  });
  it('an answered question lets playback through to the next one', () => {
    const answered = respond(openQuestion(initialQuizState, first.index), null);
    expect(stopFor(questions, answered, 0, timeline.frames.length - 1, false)?.index).toBe(questions[1].index);
  });
});

describe('responses and the score', () => {
  it('the picture’s places and the options build one choice; a response is final', () => {
    let s = openQuestion(initialQuizState, 0);
    s = toggleSpot(toggleSpot(toggleSpot(s, 'server'), 'device:phone'), 'server');
    expect(s.draft).toEqual(['device:phone']);
    s = respond(s, { kind: 'spots', spots: s.draft });
    expect(respond(s, { kind: 'spots', spots: ['server'] })).toBe(s);
    expect(scoreOf(s, questions)).toEqual({ right: 1, asked: 1, total: 5 });
    s = respond(openQuestion(closeQuestion(s), 1), { kind: 'count', value: 3 });
    expect(scoreOf(s, questions)).toEqual({ right: 1, asked: 2, total: 5 });
  });
  it('keeps what was answered across a reload and drops anything malformed', () => {
    const saved = JSON.stringify({ 0: { kind: 'spots', spots: ['device:phone'] }, 1: null, 2: { kind: 'yesno', value: 'yes' }, x: 1, 5000: null });
    expect(parseSavedResponses(saved)).toEqual({ 0: { kind: 'spots', spots: ['device:phone'] }, 1: null });
    expect(parseSavedResponses('{not json')).toEqual({});
    expect(parseSavedResponses('[1,2]')).toEqual({});
  });
});

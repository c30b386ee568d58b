// Scenario data shown to users in two languages: mail subjects and custom
// folder names. The engine speaks the protocol with ONE string per subject
// (the English one) and names folders by their ids, as a real server does
// (IMAP folder names are not translated; only a client's display is); the
// display reads the reader's language through the lookups below.
import type { Scenario, Subject, CustomFolder, Text } from './schema';

/** The subject the protocol carries: a plain string as it is, a bilingual one in English. */
export function protocolSubject(subject: Subject): string {
  return typeof subject === 'string' ? subject : subject.en;
}

/** A subject in both languages (a plain string reads the same in both). */
export function subjectText(subject: Subject): Text {
  return typeof subject === 'string' ? { de: subject, en: subject } : subject;
}

/** The id steps and the server use for a custom folder. */
export function folderId(folder: CustomFolder): string {
  return typeof folder === 'string' ? folder : folder.id;
}

export function folderIds(folders: readonly CustomFolder[]): string[] {
  return folders.map(folderId);
}

export interface ScenarioTexts {
  /** Mail id → its subject in both languages (mails the scenario's steps create). */
  readonly subjects: ReadonlyMap<string, Text>;
  /** Custom folder id → its display name in both languages (server and local folders). */
  readonly folders: ReadonlyMap<string, Text>;
}

const cache = new WeakMap<object, ScenarioTexts>();

export function scenarioTexts(scenario: Pick<Scenario, 'world' | 'steps'>): ScenarioTexts {
  const known = cache.get(scenario);
  if (known) return known;
  const subjects = new Map<string, Text>();
  for (const step of scenario.steps) if (step.do === 'mail.arrive' || step.do === 'device.send') subjects.set(step.mail.id, subjectText(step.mail.subject));
  const folders = new Map<string, Text>();
  const add = (f: CustomFolder) => {
    if (typeof f !== 'string') folders.set(f.id, f.name);
  };
  scenario.world.folders.forEach(add);
  for (const d of scenario.world.devices) d.localFolders.forEach(add);
  const texts = { subjects, folders };
  cache.set(scenario, texts);
  return texts;
}

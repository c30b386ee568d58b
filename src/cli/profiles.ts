// npm run sim -- --profiles [--lang de|en] [--json]
// The client profiles: for each client and protocol, every default a new
// account gets, where it was read, and what could not be established.
import {
  IMAP_SETTING_KEYS,
  POP3_SETTING_KEYS,
  PROFILES,
  type ClientProfile,
  type ProfileDefault,
  type Protocol,
  type Source,
} from '../sim/profiles';

export type Lang = 'de' | 'en';

const WORDS = {
  en: {
    title: 'Client profiles: the settings a newly set-up account gets, each with its source.',
    legend: '"not established" = no source found; the scenario must set it or say it is not a default.',
    checked: 'checked',
    notEstablished: 'not established',
    wizard: 'set by the account wizard; raw preference default',
    caveat: 'note',
    reason: 'why',
    lead: 'found',
    yes: 'yes',
    no: 'no',
    none: 'none (keep)',
    summary: (known: number, all: number) => `${known} of ${all} defaults established.`,
  },
  de: {
    title: 'Client-Profile: die Einstellungen eines neu eingerichteten Kontos, jede mit ihrer Quelle.',
    legend: '„nicht belegt“ = keine Quelle gefunden; das Szenario muss es setzen oder sagen, dass es kein Standard ist.',
    checked: 'geprüft',
    notEstablished: 'nicht belegt',
    wizard: 'vom Einrichtungsassistenten gesetzt; Standard der Einstellung selbst',
    caveat: 'Hinweis',
    reason: 'warum',
    lead: 'gefunden',
    yes: 'ja',
    no: 'nein',
    none: 'keine (behalten)',
    summary: (known: number, all: number) => `${known} von ${all} Standards belegt.`,
  },
} as const;

function showValue(value: unknown, lang: Lang): string {
  if (value === true) return WORDS[lang].yes;
  if (value === false) return WORDS[lang].no;
  if (value === null) return WORDS[lang].none;
  return String(value);
}

const showSource = (s: Source) => `[${s.kind}] ${s.ref}\n          "${s.quote.replace(/\n\s*/g, ' ')}"`;

function settingLines(protocol: Protocol, key: string, d: ProfileDefault<unknown>, lang: Lang): string[] {
  const w = WORDS[lang];
  const head = `  ${protocol}.${key} = ${d.status === 'known' ? showValue(d.value, lang) : w.notEstablished}`;
  if (d.status === 'unknown') {
    return [head, `      ${w.reason}: ${d.reason[lang]}`, ...(d.leads ?? []).map((s) => `      ${w.lead}: ${showSource(s)}`)];
  }
  return [
    head,
    ...d.sources.map((s) => `      ${showSource(s)}`),
    ...(d.rawPreference ? [`      ${w.wizard}: ${showValue(d.rawPreference.value, lang)} — ${showSource(d.rawPreference.source)}`] : []),
    ...(d.caveat ? [`      ${w.caveat}: ${d.caveat[lang]}`] : []),
  ];
}

function profileLines(p: ClientProfile, lang: Lang): string[] {
  return [
    `${p.name[lang]}  (profile: "${p.id}")`,
    `  ${WORDS[lang].checked}: ${p.checked[lang]}`,
    ...POP3_SETTING_KEYS.flatMap((k) => settingLines('pop3', k, p.pop3[k], lang)),
    ...IMAP_SETTING_KEYS.flatMap((k) => settingLines('imap', k, p.imap[k], lang)),
  ];
}

export function printProfiles(lang: Lang, json = false): number {
  if (json) {
    process.stdout.write(JSON.stringify(PROFILES, null, 2) + '\n');
    return 0;
  }
  const all = PROFILES.flatMap((p) => [...POP3_SETTING_KEYS.map((k) => p.pop3[k]), ...IMAP_SETTING_KEYS.map((k) => p.imap[k])]);
  const known = all.filter((d) => d.status === 'known').length;
  console.log(WORDS[lang].title);
  console.log(WORDS[lang].legend);
  for (const p of PROFILES) console.log('\n' + profileLines(p, lang).join('\n'));
  console.log('\n' + WORDS[lang].summary(known, all.length));
  return 0;
}

// What each frame says, in English and German. The simulation emits a key and
// parameters (src/sim never holds prose); src/i18n/renderNarration.ts names the
// ids as the picture does ({{mail}} is 'message 1 "Subject"', {{device}} the
// device's label, {{to}}/{{account}} an address, {{folder}} the folder in the
// reader's language) and i18next interpolates {{param}}.
// Plural forms: i18next's `_one`/`_other` (and `_zero` where "0 …" would read
// badly), chosen by `count` or by the parameter renderNarration.ts names in
// PLURAL_BY. Never "(s)" or "(en)". Terms: docs/glossary.md.
// Keep both languages in step: test/i18n/narration.test.ts checks that every
// key the engine can emit exists in both, and test/i18n/rendered.test.ts reads
// every frame of every built-in scenario in both languages.
//
// The texts are one module a language (narration.en.ts, narration.de.ts): the
// player loads only the language shown; the CLI and the tests take both here.
export { narrationEn } from './narration.en';
export { narrationDe } from './narration.de';

// The app's texts outside the browser (CLI, exports built in Node or in the
// page): the same i18next instance over the same resources that narrates
// frames outside the player (i18n/narrate.ts).
export { fixedT } from '../i18n/narrate';

// Entry of embed.html: the compact player for help articles and slides.
// No cookies, no storage, no request except this site's own files.
// This module is small on purpose: it asks for the player, the scenario and the
// language's strings at once, so they arrive in parallel rather than one after another.
import type { Lang } from '../store/playerState';
import { parseEmbedParams } from './params';
import { loadEmbedScenario } from './loadEmbedScenario';
import '../styles.css';
import './embed.css';

// Marks for the load benchmark (bench/embed/embedLoad.bench.ts prints where the time goes).
performance.mark('embed:entry');
const params = parseEmbedParams(location.search);
const lang: Lang = params.lang ?? (navigator.language?.toLowerCase().startsWith('de') ? 'de' : 'en');
document.documentElement.lang = lang;
document.documentElement.dataset.theme = params.theme;
if (params.accent) document.documentElement.style.setProperty('--accent', params.accent);

const scenario = loadEmbedScenario(params);
// Warm the module cache; the player's i18n setup imports the same module.
void (lang === 'de' ? import('../../i18n/ui.de') : import('../../i18n/ui.en'));
void import('./player').then((m) => m.startPlayer(params, lang, scenario));

// The page now waits for the player's code. Meanwhile: the first number format
// and plural rules of a language load its locale data, which took the first
// picture tens of milliseconds on a slow machine (the picture numbers its
// envelopes). Made here once, the data is there when the picture asks.
const locale = lang === 'de' ? 'de-DE' : 'en-GB';
new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(1);
new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(1.5);
new Intl.PluralRules(locale).select(1);

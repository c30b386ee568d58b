// The simulation's narration in the reader's language: device ids become the
// devices' names, folder names are translated, numbers get the language's
// separators (counts stay numbers, so plural forms still work).
import type { TFunction } from 'i18next';
import type { Narration } from '../../sim';
import type { Lang } from '../store/playerState';
import { formatNumber } from '../i18n/format';
import { folderName } from './placeName';

const RAW_NUMBERS = new Set(['count', 'port', 'day', 'days']);

export function narrate(n: Narration, t: TFunction, lang: Lang, deviceName: (id: string) => string, fallback: string): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(n.params)) {
    if (typeof v === 'number') params[k] = RAW_NUMBERS.has(k) ? v : formatNumber(v, lang, 2);
    else if (k === 'device') params[k] = deviceName(v);
    else if (k === 'folder') params[k] = folderName(v, t);
    else params[k] = v;
  }
  return t(`narration.${n.key}`, { ...params, defaultValue: fallback });
}

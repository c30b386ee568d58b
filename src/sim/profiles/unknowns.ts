// Shared wording for defaults that could not be established. Kept in one place
// so every profile says "not found" the same way, in both languages.
import type { BilingualText, Source, UnknownDefault } from './types';

export function notFound(what: BilingualText, leads?: readonly Source[]): UnknownDefault {
  return {
    status: 'unknown',
    reason: {
      de: `Kein Beleg gefunden: ${what.de}`,
      en: `No source found: ${what.en}`,
    },
    ...(leads ? { leads } : {}),
  };
}

export const MOVE_NOT_CHECKED: UnknownDefault = notFound({
  de: 'ob der Client MOVE (RFC 6851) sendet oder mit COPY + \\Deleted + EXPUNGE verschiebt, ist nirgends dokumentiert und wurde nicht beobachtet.',
  en: 'whether the client sends MOVE (RFC 6851) or moves by COPY + \\Deleted + EXPUNGE is documented nowhere and was not observed.',
});

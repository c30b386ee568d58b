// The built-in scenarios as the options of a select, by their titles in the
// reader's language: the sandbox's "start from" and the embed builder offer
// the same list.
import { catalogue } from '../catalogue/catalogue';
import type { Lang } from '../store/playerState';

export function ScenarioOptions({ lang }: { lang: Lang }) {
  return (
    <>
      {catalogue().entries.map((e) => (
        <option key={e.id} value={e.id}>
          {e.title[lang]}
        </option>
      ))}
    </>
  );
}

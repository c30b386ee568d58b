// The handout's address: what the player shows now, with print=1 (and without
// presenter mode or the moment: the handout has every step).
import { currentUrl } from '../nav';
import { followedSearch } from '../presenter/channel';

export function printUrl(): string {
  const here = new URL(currentUrl(), location.href);
  const search = followedSearch(here.search);
  return `${here.pathname}${search}${search ? '&' : '?'}print=1`;
}

export const isPrintView = (search: string) => new URLSearchParams(search).get('print') === '1';

// The app names the open built-in scenario's oEmbed answer in the page head, as
// its static scenario pages (s/<id>.<lang>.html) do for CMSs that read the HTML.
import type { Store } from '../store/store';
import type { PlayerState } from '../store/playerState';

export function keepDiscoveryLink(store: Store<PlayerState>, base = import.meta.env.BASE_URL): () => void {
  let shown = '';
  const update = () => {
    const s = store.get();
    const href = s.loaded?.source === 'builtin' ? `${base}oembed/${s.loaded.scenario.id}.${s.lang}.json` : '';
    if (href === shown) return;
    shown = href;
    document.head.querySelector('link[data-oembed]')?.remove();
    if (!href) return;
    const link = document.createElement('link');
    link.rel = 'alternate';
    link.type = 'application/json+oembed';
    link.href = href;
    link.dataset.oembed = '';
    document.head.appendChild(link);
  };
  update();
  return store.subscribe(update);
}

// The built-in scenarios: search, filter by claim, protocol and topic, open one.
import { useEffect, useMemo, useState } from 'react';
import type { Claim } from '../../claims/catalogue';
import { useTranslation } from '../i18n/useTranslation';
import { catalogue } from '../catalogue/catalogue';
import { emptyFilter, filterCatalogue, sortClaims, type GalleryFilter } from '../catalogue/filter';
import { playerStore } from '../store/playerStore';
import { useSelector } from '../store/useStore';
import { openBuiltin } from '../nav';

const TOPICS = ['devices', 'failure', 'quota', 'security', 'migration', 'offline', 'sending', 'performance', 'sharing', 'decision'];

export function Gallery() {
  const { t } = useTranslation();
  const lang = useSelector(playerStore, (s) => s.lang);
  const [filter, setFilter] = useState<GalleryFilter>(emptyFilter);
  // The claim texts are only needed here: fetched with the gallery, not with the player.
  const [claimTexts, setClaimTexts] = useState<ReadonlyMap<string, Claim> | null>(null);
  useEffect(() => {
    let live = true;
    void import('../../claims/catalogue').then((m) => live && setClaimTexts(new Map(m.CLAIMS.map((c) => [c.id, c]))));
    return () => {
      live = false;
    };
  }, []);
  const cat = catalogue();
  const claims = useMemo(() => sortClaims(cat.entries.flatMap((e) => [...e.claims, ...e.counterTo])), [cat]);
  const topics = TOPICS.filter((tp) => cat.entries.some((e) => e.topics.includes(tp)));
  const shown = filterCatalogue(cat.entries, filter, lang);
  const set = (patch: Partial<GalleryFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const claimText = (id: string) => claimTexts?.get(id)?.claim[lang] ?? id;
  return (
    <section className="gallery" aria-labelledby="gallery-heading">
      <h2 id="gallery-heading">{t('ui.gallery.heading')}</h2>
      <p className="intro">{t('ui.gallery.intro')}</p>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          <span>{t('ui.gallery.search')}</span>
          <input type="search" value={filter.text} placeholder={t('ui.gallery.searchPlaceholder')} onChange={(e) => set({ text: e.target.value })} data-testid="search" />
        </label>
        <label>
          <span>{t('ui.gallery.claim')}</span>
          <select value={filter.claim} onChange={(e) => set({ claim: e.target.value })} data-testid="filter-claim">
            <option value="">{t('ui.gallery.any')}</option>
            {claims.map((c) => (
              <option key={c} value={c}>
                {c} — {claimText(c).slice(0, 70)}
                {claimText(c).length > 70 ? '…' : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('ui.gallery.protocol')}</span>
          <select value={filter.protocol} onChange={(e) => set({ protocol: e.target.value as GalleryFilter['protocol'] })} data-testid="filter-protocol">
            <option value="">{t('ui.gallery.any')}</option>
            <option value="pop3">POP3</option>
            <option value="imap">IMAP</option>
            <option value="both">{t('ui.gallery.both')}</option>
          </select>
        </label>
        <label>
          <span>{t('ui.gallery.topic')}</span>
          <select value={filter.topic} onChange={(e) => set({ topic: e.target.value })} data-testid="filter-topic">
            <option value="">{t('ui.gallery.any')}</option>
            {topics.map((tp) => (
              <option key={tp} value={tp}>
                {t(`ui.topics.${tp}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setFilter(emptyFilter)}>
          {t('ui.gallery.clear')}
        </button>
      </form>
      <p className="count" aria-live="polite" data-testid="gallery-count">
        {t('ui.gallery.count', { count: shown.length })}
      </p>
      {shown.length === 0 && <p>{t('ui.gallery.none')}</p>}
      <ul className="cards">
        {shown.map((e) => (
          <li key={e.id} className="card" data-scenario={e.id}>
            <h3>
              <a
                href={`?scenario=${e.id}&lang=${lang}`}
                onClick={(ev) => {
                  if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey) return;
                  ev.preventDefault();
                  void openBuiltin(e.id, null, null);
                }}
              >
                {e.title[lang]}
              </a>
            </h3>
            <p>{e.summary[lang]}</p>
            <p className="meta">
              {e.protocols.map((p) => p.toUpperCase()).join(' + ')} · {t('ui.gallery.devices', { count: e.devices })} · {t('ui.gallery.mails', { count: e.mails })}
              {e.variants.length > 0 && <> · {t('ui.gallery.variants', { count: e.variants.length })}</>}
            </p>
            <ul className="tags">
              {e.claims.map((c) => (
                <li key={`c${c}`} className="tag claim" title={claimText(c)}>
                  {t('ui.gallery.shows')} {c}
                </li>
              ))}
              {e.counterTo.map((c) => (
                <li key={`x${c}`} className="tag counter" title={claimText(c)}>
                  {t('ui.gallery.counters')} {c}
                </li>
              ))}
              {e.topics.map((tp) => (
                <li key={`t${tp}`} className="tag topic">
                  {t(`ui.topics.${tp}`)}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

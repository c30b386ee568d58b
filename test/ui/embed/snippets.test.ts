import { describe, expect, it } from 'vitest';
import { componentSnippet, iframeSnippet, stillName } from '../../../src/ui/embed/snippets';

const options = { scenario: 'pop3-three-devices', variant: null, lang: 'de' as const, frame: 3, autoplay: false, panels: new Set(['title', 'controls', 'narration'] as const), theme: 'light' as const, accent: null };
const input = { options, site: 'https://example.org/mail/', title: 'Drei Geräte "POP3" <b>', alt: 'Bild', height: 640 };

describe('the embed snippets', () => {
  it('an iframe, lazy, with a title, and a still for readers without scripts', () => {
    const s = iframeSnippet(input);
    expect(s).toContain('<iframe src="https://example.org/mail/embed.html?scenario=pop3-three-devices&amp;lang=de&amp;frame=3" title="Drei Geräte &quot;POP3&quot; &lt;b&gt;" width="100%" height="640" loading="lazy"');
    expect(s).toContain('<noscript><a href="https://example.org/mail/?scenario=pop3-three-devices&amp;lang=de"><img src="pop3-three-devices-frame3-de.png" alt="Bild"');
    expect(s).not.toContain('<b>');
  });
  it('the web component with the same options', () => {
    const s = componentSnippet({ ...input, options: { ...options, variant: 'imap', autoplay: true, theme: 'dark', accent: '#aa3300', panels: new Set(['controls'] as const) } });
    expect(s).toBe(
      '<script src="https://example.org/mail/mail-sync-player.js" defer></script>\n' +
        '<mail-sync-player scenario="pop3-three-devices" variant="imap" lang="de" frame="3" autoplay panels="controls" theme="dark" accent="aa3300" title="Drei Geräte &quot;POP3&quot; &lt;b&gt;"></mail-sync-player>',
    );
  });
  it('names files by scenario, variant, frame and language', () => {
    expect(stillName({ scenario: 'x', variant: 'imap', frame: 7, lang: 'en' }, 'svg')).toBe('x-imap-frame7-en.svg');
  });
});

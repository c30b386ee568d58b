/* Mail Sync Sandbox as a web component, for pages that allow scripts:
 *   <script src="https://YOUR-SITE/mail-sync-player.js" defer></script>
 *   <mail-sync-player scenario="pop3-three-devices" lang="de" frame="3"></mail-sync-player>
 * Attributes: scenario, variant, lang, frame, autoplay, panels, theme, accent
 * (as embed.html's parameters). Methods: play(), pause(), seek(frame).
 * Events (CustomEvent, detail = the message): mailsync:ready, mailsync:frame,
 * mailsync:ended, mailsync:height. The player runs in an iframe inside the
 * element's shadow root, so the page's styles and the player's never mix. */
/* global window, document, HTMLElement, customElements, CustomEvent, URL, URLSearchParams */
(function () {
  'use strict';
  if (!window.customElements || customElements.get('mail-sync-player')) return;
  var script = document.currentScript;
  var base = new URL('.', script && script.src ? script.src : window.location.href);
  var ATTRS = ['scenario', 'variant', 'lang', 'frame', 'autoplay', 'panels', 'theme', 'accent'];
  var MAX = 10000000;

  function count(v) {
    return typeof v === 'number' && Math.floor(v) === v && v >= 0 && v <= MAX;
  }
  function exactly(d, keys) {
    var own = Object.keys(d);
    if (own.length !== keys.length) return false;
    for (var i = 0; i < keys.length; i++) if (!Object.prototype.hasOwnProperty.call(d, keys[i])) return false;
    return true;
  }
  /* The same strict check as the embed's own (src/ui/embed/messages.ts). */
  function embedEvent(d) {
    if (!d || typeof d !== 'object' || Array.isArray(d) || typeof d.type !== 'string') return null;
    switch (d.type) {
      case 'mailsync:ready':
        return exactly(d, ['type', 'scenario', 'frames']) && typeof d.scenario === 'string' && d.scenario.length <= 200 && count(d.frames) ? d : null;
      case 'mailsync:frame':
        return exactly(d, ['type', 'frame', 'step']) && count(d.frame) && count(d.step) ? d : null;
      case 'mailsync:ended':
        return exactly(d, ['type']) ? d : null;
      case 'mailsync:height':
        return exactly(d, ['type', 'height']) && count(d.height) ? d : null;
      default:
        return null;
    }
  }

  var STYLE = ':host{display:block;max-width:100%}iframe{display:block;width:100%;height:480px;border:0;color-scheme:normal}';

  class MailSyncPlayer extends HTMLElement {
    static get observedAttributes() {
      return ATTRS;
    }
    connectedCallback() {
      if (this._frame) return;
      var root = this.shadowRoot || this.attachShadow({ mode: 'open' });
      var style = document.createElement('style');
      style.textContent = STYLE;
      var frame = document.createElement('iframe');
      frame.setAttribute('loading', 'lazy');
      frame.setAttribute('title', this.getAttribute('title') || 'Mail Sync Sandbox');
      root.appendChild(style);
      root.appendChild(frame);
      this._frame = frame;
      this._onMessage = (e) => {
        if (e.source !== frame.contentWindow) return;
        var m = embedEvent(e.data);
        if (!m) return;
        if (m.type === 'mailsync:height') frame.style.height = m.height + 'px';
        var detail = {};
        for (var k in m) if (Object.prototype.hasOwnProperty.call(m, k)) detail[k] = m[k];
        this.dispatchEvent(new CustomEvent(m.type, { detail: detail, bubbles: true, composed: true }));
      };
      window.addEventListener('message', this._onMessage);
      this._load();
    }
    disconnectedCallback() {
      if (this._onMessage) window.removeEventListener('message', this._onMessage);
      if (this._frame) this._frame.remove();
      this._frame = null;
    }
    attributeChangedCallback(name, before, after) {
      if (!this._frame || before === after) return;
      /* A new language is told to the running player; anything else reloads it. */
      if (name === 'lang' && (after === 'de' || after === 'en') && this._ready) this._post({ type: 'mailsync:lang', lang: after });
      else this._load();
    }
    _load() {
      var q = new URLSearchParams();
      for (var i = 0; i < ATTRS.length; i++) {
        var v = this.getAttribute(ATTRS[i]);
        if (v !== null) q.set(ATTRS[i], ATTRS[i] === 'autoplay' ? (v === 'false' ? '0' : '1') : v);
      }
      this._ready = false;
      this._frame.addEventListener('load', () => { this._ready = true; }, { once: true });
      this._frame.src = new URL('embed.html?' + q.toString(), base).href;
    }
    _post(m) {
      if (this._frame && this._frame.contentWindow) this._frame.contentWindow.postMessage(m, base.origin);
    }
    play() { this._post({ type: 'mailsync:play' }); }
    pause() { this._post({ type: 'mailsync:pause' }); }
    seek(frame) {
      var f = Number(frame);
      if (count(f)) this._post({ type: 'mailsync:seek', frame: f });
    }
  }
  customElements.define('mail-sync-player', MailSyncPlayer);
})();

/* Mail Sync Sandbox: sizes embedded players to their content on any page.
 * Put it once on the page, after the iframes or with `defer`:
 *   <script src="https://YOUR-SITE/mail-sync-embed.js" defer></script>
 * It listens for the embed's `mailsync:height` message and sets the height of
 * the iframe that sent it (and of no other). Plain script, no dependencies. */
/* global window, document */
(function () {
  'use strict';
  if (window.mailSyncEmbedSizer) return;
  window.mailSyncEmbedSizer = true;
  function isHeight(d) {
    if (!d || typeof d !== 'object' || Array.isArray(d) || d.type !== 'mailsync:height') return false;
    var keys = Object.keys(d);
    return keys.length === 2 && typeof d.height === 'number' && Math.floor(d.height) === d.height && d.height >= 0 && d.height <= 100000;
  }
  window.addEventListener('message', function (e) {
    if (!isHeight(e.data)) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source) {
        frames[i].style.height = e.data.height + 'px';
        return;
      }
    }
  });
})();

// The team view on the workshop screen is the server's markup (views/partials/screen-team.ejs). workshop-screen.js builds
// every later step in the browser; for the team step after the reveal workshop-screen-view.js leaves an empty
// [data-team-view] box, and this fills it from /w/:token/team. The last markup is kept, so that a step rebuilt for another
// reason shows the team view at once while the fresh copy loads. Without this script the page still shows it (first paint).
(function () {
  'use strict';
  var root = document.getElementById('screen');
  var box = document.getElementById('screen-step');
  if (!root || !box || !window.fetch || !window.DOMParser || !window.MutationObserver || !window.WeakSet) return;
  var token = JSON.parse(root.dataset.client).token;
  var url = '/w/' + encodeURIComponent(token) + '/team';
  var first = box.querySelector('[data-team-view]');
  var kept = first && first.children.length ? first.innerHTML : null;
  var filled = new WeakSet(); // boxes already asked for (no attribute: the live step stays the server's markup)

  /** Puts markup from our own server into the box (parsed as a document: scripts in it would never run). */
  function show(el, html) {
    var doc = new DOMParser().parseFromString('<div>' + html + '</div>', 'text/html');
    var nodes = Array.prototype.slice.call(doc.body.firstChild.childNodes).map(function (n) {
      return document.importNode(n, true);
    });
    el.replaceChildren.apply(el, nodes);
  }

  function fill(el) {
    filled.add(el);
    if (kept) show(el, kept);
    fetch(url, { headers: { Accept: 'text/html' }, credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) {
        if (r.status === 204) return '';
        if (!r.ok || (r.headers.get('Content-Type') || '').indexOf('text/html') !== 0) throw new Error('status ' + r.status);
        return r.text();
      })
      .then(function (html) {
        if (!el.isConnected) return; // the step moved on meanwhile
        kept = html || null;
        if (html) show(el, html);
        else el.replaceChildren();
      })
      .catch(function () {
        // Offline or a server hiccup: keep what is shown; the next step change tries again.
      });
  }

  new MutationObserver(function () {
    var el = box.querySelector('[data-team-view]');
    if (el && !filled.has(el)) fill(el);
  }).observe(box, { childList: true });
})();

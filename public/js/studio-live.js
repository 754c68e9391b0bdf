// What the presenter and the control page share: building elements, the trainer API, the session's event stream and the timer.
(function () {
  'use strict';
  var locale = document.body.dataset.locale || undefined;
  var number = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });

  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) e.setAttribute(k, attrs[k]);
    });
    return e;
  }
  function fill(s, vars) {
    return s.replace(/\{(\w+)\}/g, function (m, k) {
      return k in vars ? vars[k] : m;
    });
  }

  /** POST with a JSON body; resolves with { ok, status, body } (never rejects on an HTTP error, so callers can say what went wrong). */
  function post(path, body) {
    return fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body || {}),
    }).then(
      function (r) {
        return r
          .json()
          .catch(function () {
            return null;
          })
          .then(function (b) {
            return { ok: r.ok, status: r.status, body: b };
          });
      },
      function () {
        return { ok: false, status: 0, body: null };
      },
    );
  }
  function get(path) {
    return fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (r) {
      return r.ok ? r.json() : null;
    });
  }

  /**
   * The session's stream: `summary` (the dashboard's data) and `exercise` (step and current round). EventSource
   * reconnects by itself and the server sends both again on every (re)connect. handlers: { summary, exercise, up(bool) }.
   */
  function stream(workshopId, handlers) {
    var source = new EventSource('/api/sessions/' + encodeURIComponent(workshopId) + '/events');
    source.addEventListener('open', function () {
      handlers.up(true);
    });
    source.addEventListener('error', function () {
      handlers.up(false);
    });
    ['summary', 'exercise'].forEach(function (name) {
      source.addEventListener(name, function (e) {
        handlers.up(true);
        handlers[name](JSON.parse(e.data));
      });
    });
    return source;
  }

  /** Seconds left of a round with a timer (0 when it ran out), or null without one. */
  function secondsLeft(closesAt) {
    if (!closesAt) return null;
    return Math.max(0, Math.ceil((Date.parse(closesAt) - Date.now()) / 1000));
  }
  function clock(seconds) {
    var m = Math.floor(seconds / 60);
    var s = seconds % 60;
    return m + ':' + (s < 10 ? '0' : '') + s;
  }

  /** The step's name: "Lobby", "Exercise 2 of 5: Poll", …; T holds the page's texts. */
  function stepName(T, step, kind) {
    if (!step) return '';
    if (step.kind !== 'exercise') return T['step.' + step.kind];
    return fill(T['step.exercise'], { n: step.index - 1, count: step.count - 3, kind: T['kind.' + kind] || '' });
  }

  window.DrijfveerStudio = {
    el: el,
    fill: fill,
    post: post,
    get: get,
    stream: stream,
    secondsLeft: secondsLeft,
    clock: clock,
    stepName: stepName,
    count: function (n) {
      return number.format(n);
    },
  };
})();

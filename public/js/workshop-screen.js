// The workshop screen follows the session live: the participant's event stream (EventSource, which reconnects by itself)
// brings every step and round; the own answer and votes come from the page, the answers sent here, and a fresh look at
// /api/assessments/:token/exercise after a reconnect or when the phone wakes up. Without this script the page still works
// (forms, reload).
(function () {
  'use strict';
  var root = document.getElementById('screen');
  var View = window.DrijfveerScreenView;
  if (!root || !View || !View.steps || !window.fetch) return;
  var boot = JSON.parse(root.dataset.client);
  var texts = JSON.parse(root.dataset.texts);
  var token = boot.token;
  var api = '/api/assessments/' + encodeURIComponent(token);
  var box = document.getElementById('screen-step');
  var status = document.getElementById('screen-status');
  var offset = boot.serverNow - Date.now(); // the phone's clock may be off; the countdown uses the server's
  var numbers = new Intl.NumberFormat(document.documentElement.lang || 'nl');
  var ctx = {
    token: token,
    sessionLang: boot.sessionLang,
    drives: JSON.parse(root.dataset.drives),
    progress: boot.progress,
    count: function (n) {
      return numbers.format(n);
    },
    t: function (key, params) {
      var s = texts['screen.' + key] || key;
      return s.replace(/\{(\w+)\}/g, function (m, p) {
        return params && p in params ? String(params[p]) : m;
      });
    },
  };
  var view = View.steps(ctx);
  var state = boot.state;
  state.votes = state.votes || [];
  var own = {}; // exercise id -> { answer, votes }: what this participant gave, to show again when a round comes back
  if (state.exercise) own[state.exercise.id] = { answer: state.answer || null, votes: state.votes };
  var events = 0;

  // Passing news (saved, a new round) leaves the bottom edge after a while; what went wrong stays until the next message.
  var PASSING = ['saved', 'voted', 'online', 'newRound', 'moved', 'closedNow', 'revealedNow'];
  var fade = null;
  function say(key, params) {
    var text = key ? ctx.t(key, params) : '';
    clearTimeout(fade);
    if (PASSING.indexOf(key) >= 0)
      fade = setTimeout(function () {
        status.textContent = '';
      }, 8000);
    // The same message again (a second tap) is cleared first, so that it is announced again.
    if (text && status.textContent === text) {
      status.textContent = '';
      setTimeout(function () {
        status.textContent = text;
      }, 150);
    } else status.textContent = text;
  }

  var signature = function (s) {
    var x = s.exercise;
    return [s.step.kind, s.step.index, s.step.count, s.revealed, x ? x.id + x.status + x.closesAt : ''].join('|');
  };

  /** Renders the whole step again; a half-written open answer and the focus survive it. */
  function render() {
    // Only into the same question: a new one starts empty.
    var sameRound = state.exercise && box.getAttribute('data-exercise') === state.exercise.id;
    var area = sameRound ? box.querySelector('#open-text') : null;
    var draft = area
      ? { value: area.value, start: area.selectionStart, end: area.selectionEnd, focused: document.activeElement === area }
      : null;
    var hadFocus = box.contains(document.activeElement);
    var nodes = view.render(state, Date.now() + offset);
    box.replaceChildren.apply(box, nodes);
    var x = state.exercise;
    box.setAttribute('data-step-kind', state.step.kind);
    box.setAttribute('data-exercise', x ? x.id : '');
    box.setAttribute('data-status', x ? x.status : '');
    var next = box.querySelector('#open-text');
    if (draft && next) {
      next.value = draft.value;
      updateCounter();
    }
    if (draft && next && draft.focused) {
      next.focus();
      next.setSelectionRange(draft.start, draft.end);
    } else if (hadFocus) box.querySelector('#step-title').focus();
    tick();
  }

  /** The own answer changed in an open round: mark it in place, so that the focus stays on the button just tapped. */
  function patchMine() {
    var value = state.answer ? state.answer.value : null;
    box.querySelectorAll('.screen-answer button[aria-pressed]').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.value === value));
    });
    var send = box.querySelector('.screen-answer[data-kind="open"] button[type="submit"]');
    if (send) send.textContent = ctx.t(value === null ? 'send' : 'change');
    if (state.exercise.kind === 'open') view.patchWall(box, state);
  }

  /** A new state from the stream (or the API); `mine` is the participant's own answer when it is known fresh. */
  function apply(next, mine) {
    var before = state;
    var x = next.exercise;
    var same = before.exercise && x && before.exercise.id === x.id;
    if (x && mine) own[x.id] = mine;
    var kept = x ? own[x.id] || { answer: null, votes: [] } : { answer: null, votes: [] };
    state = { step: next.step, exercise: x, revealed: Boolean(next.revealed), answer: kept.answer, votes: kept.votes };
    // A round we never saw on this page (opened before it was loaded elsewhere) may hold an answer: ask.
    if (x && !own[x.id] && (x.status === 'closed' || x.status === 'revealed')) refresh();
    var changed = signature(before) !== signature(state);
    var mineChanged = JSON.stringify([before.answer, before.votes]) !== JSON.stringify([state.answer, state.votes]);
    if (changed || (mineChanged && (!x || x.status !== 'open'))) render();
    else if (mineChanged) patchMine();
    else if (x && x.kind === 'open') view.patchWall(box, state);
    if (!changed) return;
    if (!same) say(x && x.status === 'open' ? 'newRound' : 'moved');
    else if (x.status !== before.exercise.status) say({ open: 'newRound', closed: 'closedNow', revealed: 'revealedNow' }[x.status] || null);
  }

  /** The current step with the own answer and votes, and (outside a round) the questionnaire's progress. */
  function refresh() {
    var mark = events;
    getJson(api + '/exercise').then(function (cur) {
      var mine = { answer: cur.answer || null, votes: cur.votes || [] };
      // An event that came in meanwhile is newer than this answer: keep its step, take only the own answer.
      if (events === mark) apply(cur, mine);
      else if (cur.exercise && state.exercise && cur.exercise.id === state.exercise.id) apply(state, mine);
    }, noop);
    if (state.step.kind === 'exercise') return;
    getJson(api).then(function (a) {
      var p = { answered: a.answered, total: a.total, completed: a.status === 'completed' };
      if (JSON.stringify(p) === JSON.stringify(ctx.progress)) return;
      ctx.progress = p;
      if (state.step.kind !== 'exercise') render();
    }, noop);
  }
  function noop() {}
  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' }).then(function (r) {
      if (!r.ok) throw new Error('status ' + r.status);
      return r.json();
    });
  }
  function postJson(url, body) {
    return fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  }

  // The countdown runs on the server's clock; when it reaches zero the stream brings the closed round.
  function tick() {
    var el = box.querySelector('.round-countdown[data-closes-at]');
    if (!el) return;
    var left = Math.max(0, Math.ceil((Date.parse(el.getAttribute('data-closes-at')) - (Date.now() + offset)) / 1000));
    el.textContent = ctx.t('countdown', { time: view.clock(left) });
  }
  setInterval(tick, 1000);

  function updateCounter() {
    var area = box.querySelector('#open-text');
    var counter = box.querySelector('#open-counter');
    if (area && counter) counter.textContent = ctx.t('counter', { count: area.value.length, max: 280 });
  }
  box.addEventListener('input', function (e) {
    if (e.target && e.target.id === 'open-text') updateCounter();
  });

  // For workshop-screen-live.js: the stream and the answers sent from this page.
  window.DrijfveerScreen = {
    api: api,
    box: box,
    say: say,
    refresh: refresh,
    postJson: postJson,
    /** An `exercise` event from the stream. */
    event: function (data) {
      events++;
      apply(data, null);
    },
    state: function () {
      return state;
    },
    /** The participant's own answer or votes in the current round changed (sent from here). */
    mine: function (change) {
      var x = state.exercise;
      if (!x) return;
      var current = own[x.id] || { answer: null, votes: [] };
      apply(state, { answer: 'answer' in change ? change.answer : current.answer, votes: change.votes || current.votes });
    },
  };
  tick();
})();

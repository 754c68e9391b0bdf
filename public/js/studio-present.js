// The presenter (projector): shows the session's current step from the event stream, and takes the trainer's keys:
// → / PageDown next, ← / PageUp previous, R reveal, B (or .) blank screen, F full screen.
(function () {
  'use strict';
  var root = document.getElementById('present');
  if (!root) return;
  var S = window.DrijfveerStudio;
  var T = JSON.parse(root.dataset.texts);
  var drives = JSON.parse(root.dataset.drives);
  var views = window.DrijfveerPresentViews(T, drives);
  var byId = {};
  drives.forEach(function (d) {
    byId[d.id] = d;
  });
  var sid = root.dataset.session;
  var api = '/api/sessions/' + encodeURIComponent(sid);
  var join = { url: root.dataset.joinUrl, code: root.dataset.code };
  var stage = root.querySelector('[data-stage]');
  var corner = root.querySelector('[data-corner]');
  var blank = root.querySelector('[data-blank]');
  var status = root.querySelector('[data-status]');
  var summary = JSON.parse(root.dataset.summary);
  var state = JSON.parse(root.dataset.state);
  var endBoard = null;
  // Chart texts on the projector: at least 20 px (charts.js sets 14 for ordinary pages).
  if (window.Chart) window.Chart.defaults.font.size = 24;
  // One canvas for the team chart, kept across redraws so chart.js updates it instead of starting over.
  var teamBox = S.el('div', null, { class: 'chart-box present-chart' });
  var teamCanvas = S.el('canvas', null, { id: 'present-team-chart', role: 'img', 'aria-label': T.teamTitle });
  teamBox.appendChild(teamCanvas);

  var quiet = null;
  // A message on the projector stays a few seconds, then the screen is the room's again.
  function say(text) {
    status.textContent = text;
    clearTimeout(quiet);
    quiet = setTimeout(function () {
      status.textContent = '';
    }, 6000);
  }

  function team(kicker) {
    var s = views.view('team', null, T.teamTitle);
    var p = summary.revealed ? summary.published : null;
    var shown = summary.revealed && !(p && p.count === null) && summary.drives.length > 0;
    if (!shown) {
      s.appendChild(el('p', summary.revealed ? T.teamHidden : T.teamWaiting, 'present-lead'));
      return s;
    }
    s.appendChild(teamBox);
    s.appendChild(el('p', S.fill(T.teamNote, { n: S.count(p ? p.count : summary.completed) }), 'present-note'));
    return s;
  }
  function el(tag, text, cls) {
    return S.el(tag, text, { class: cls });
  }
  function drawTeam() {
    if (!teamBox.isConnected || !window.DrijfveerCharts) return;
    window.DrijfveerCharts.draw(teamCanvas, 'team', {
      labels: summary.drives.map(function (d) {
        return byId[d.drive].name;
      }),
      colours: summary.drives.map(function (d) {
        return byId[d.drive].hex;
      }),
      mean: {
        label: T.mean,
        values: summary.drives.map(function (d) {
          return d.mean;
        }),
      },
      range: {
        label: T.range,
        values: summary.drives.map(function (d) {
          return [d.min, d.max];
        }),
      },
    });
  }

  function render() {
    var step = state.step || { kind: 'lobby', index: 0, count: 3 };
    var kicker = S.stepName(T, step, state.kind);
    var screen;
    if (step.kind === 'lobby') screen = views.lobby(summary, join, null);
    else if (step.kind === 'team') screen = team(kicker);
    else if (step.kind === 'end') screen = views.end(state.points ? endBoard : null, null);
    else if (!state.id) screen = views.view('waiting', kicker, '');
    else if (state.kind === 'recognize') screen = views.recognise(state, kicker);
    else if (state.kind === 'open') screen = views.open(state, kicker);
    else screen = views.poll(state, kicker);
    stage.replaceChildren(screen);
    corner.hidden = step.kind === 'lobby' || summary.status !== 'open';
    tick();
    if (step.kind === 'team') drawTeam();
  }

  // The countdown of a round with a timer; the server closes the round (and says so on the stream) when it runs out.
  function tick() {
    stage.querySelectorAll('[data-countdown]').forEach(function (c) {
      var left = S.secondsLeft(c.dataset.countdown);
      c.textContent = left > 0 ? S.fill(T.timeLeft, { time: S.clock(left) }) : T.timeUp;
    });
  }
  setInterval(tick, 1000);

  // The end shows the leaderboard: it comes with any revealed recognise round's results.
  function loadEndBoard() {
    if (!state.points) return;
    S.get(api + '/exercises').then(function (list) {
      var round = (list || []).filter(function (x) {
        return x.kind === 'recognize' && x.status === 'revealed';
      })[0];
      if (!round) return;
      S.get(api + '/exercises/' + encodeURIComponent(round.id) + '/results').then(function (r) {
        endBoard = (r && r.leaderboard) || null;
        if (state.step && state.step.kind === 'end') render();
      });
    });
  }

  function failed(r) {
    if (r.status === 0) return say(T['error.offline']);
    say(r.status === 409 ? T['error.conflict'] : T['error.failed']);
  }
  function step(to) {
    S.post(api + '/step', { to: to }).then(function (r) {
      if (!r.ok) failed(r);
    });
  }
  function reveal() {
    var kind = state.step && state.step.kind;
    if (kind === 'team') {
      return S.post(api + '/reveal').then(function (r) {
        if (!r.ok) say(r.status === 409 ? S.fill(T['error.tooFew'], { min: summary.minGroupSize }) : T['error.failed']);
      });
    }
    if (kind !== 'exercise' || !state.id) return say(T['error.nothingToReveal']);
    S.post(api + '/exercises/' + encodeURIComponent(state.id) + '/reveal').then(function (r) {
      if (!r.ok) failed(r);
    });
  }
  function toggleBlank() {
    blank.hidden = !blank.hidden;
    stage.setAttribute('aria-hidden', String(!blank.hidden));
    say(blank.hidden ? T.unblanked : T.blanked);
  }
  function toggleFullscreen() {
    if (document.fullscreenElement) document.exitFullscreen();
    else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen();
  }

  var keys = root.querySelector('[data-keys]');
  function fadeKeys() {
    keys.classList.add('is-faded');
  }
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
    fadeKeys();
    var key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    var action = {
      ArrowRight: function () {
        step('next');
      },
      PageDown: function () {
        step('next');
      },
      ArrowLeft: function () {
        step('previous');
      },
      PageUp: function () {
        step('previous');
      },
      r: reveal,
      b: toggleBlank,
      '.': toggleBlank,
      f: toggleFullscreen,
    }[key];
    if (!action) return;
    e.preventDefault();
    action();
  });

  render();
  loadEndBoard();
  S.stream(sid, {
    up: function (up) {
      root.dataset.live = up ? 'live' : 'down';
      if (!up) say(T.reconnecting);
    },
    summary: function (s) {
      summary = s;
      var kind = state.step && state.step.kind;
      // Only the lobby, the team chart and the join code follow the summary: other steps keep their screen.
      if (kind === 'lobby' || kind === 'team') render();
      else corner.hidden = summary.status !== 'open';
    },
    exercise: function (x) {
      var wasEnd = state.step && state.step.kind === 'end';
      state = x;
      if (state.step && state.step.kind === 'end' && !wasEnd) loadEndBoard();
      render();
    },
  });
  // The key help fades after a while: the room sees the content, not the controls.
  setTimeout(fadeKeys, 8000);
})();

// The control page (the trainer's phone): steps, the current round (open with a timer, close, reveal), the open answers to
// hide or show, and the team chart's reveal. Follows the event stream; says what happened in a polite live region.
(function () {
  'use strict';
  var root = document.getElementById('control');
  if (!root) return;
  var S = window.DrijfveerStudio;
  var T = JSON.parse(root.dataset.texts);
  var api = '/api/sessions/' + encodeURIComponent(root.dataset.session);
  var summary = JSON.parse(root.dataset.summary);
  var state = JSON.parse(root.dataset.state);
  var $ = function (sel) {
    return root.querySelector(sel);
  };
  var status = $('[data-status]');
  var answerItems = {};
  var lastIndex = null;
  var timeUpSaid = null;

  function say(text) {
    status.textContent = text;
  }
  function setDisabled(button, off, why) {
    button.setAttribute('aria-disabled', String(off));
    button.dataset.why = off ? why || '' : '';
  }
  function step() {
    return state.step || { kind: 'lobby', index: 0, count: 3, exerciseId: null };
  }

  function renderAnswers() {
    var box = $('[data-answers]');
    var list = $('[data-answer-list]');
    box.hidden = !(state.id && state.kind === 'open');
    if (box.hidden) return;
    // Kept in the order they came in, each item reused: the hide button a trainer is on keeps its focus.
    var seen = {};
    (state.answers || [])
      .slice()
      .sort(function (a, b) {
        return a.id - b.id;
      })
      .forEach(function (a) {
        seen[a.id] = true;
        var item = answerItems[a.id];
        if (!item || !item.li.isConnected) {
          item = answerItems[a.id] = {
            li: S.el('li'),
            text: S.el('span', null, { class: 'answer-text' }),
            votes: S.el('span', null, { class: 'hint' }),
          };
          item.button = S.el('button', null, { type: 'button', class: 'secondary' });
          item.button.addEventListener('click', function () {
            hide(a.id, item.button.dataset.hidden !== 'true');
          });
          item.li.append(item.text, item.votes, item.button);
          list.appendChild(item.li);
        }
        item.li.dataset.hidden = String(a.hidden);
        item.text.textContent = a.text;
        item.votes.textContent =
          (a.votes === 1 ? T.vote : S.fill(T.votes, { votes: S.count(a.votes) })) + (a.hidden ? ' · ' + T['control.hiddenTag'] : '');
        item.button.textContent = a.hidden ? T['control.show'] : T['control.hide'];
        item.button.dataset.hidden = String(a.hidden);
        item.button.setAttribute('aria-label', (a.hidden ? T['control.show'] : T['control.hide']) + ': ' + a.text);
      });
    Object.keys(answerItems).forEach(function (id) {
      if (!seen[id]) {
        answerItems[id].li.remove();
        delete answerItems[id];
      }
    });
    var empty = list.querySelector('[data-empty]');
    if (!(state.answers || []).length && !empty) list.appendChild(S.el('li', T['control.noAnswers'], { 'data-empty': '' }));
    if ((state.answers || []).length && empty) empty.remove();
  }

  function render() {
    var st = step();
    $('[data-step-name]').textContent = S.stepName(T, st, state.kind);
    var text = $('[data-text]');
    text.textContent = state.id ? state.text || state.prompt || '' : '';
    text.hidden = !state.id;
    setDisabled($('[data-go="previous"]'), st.index <= 0, T['control.atStart']);
    setDisabled($('[data-go="next"]'), st.index >= st.count - 1, T['control.atEnd']);

    var round = $('[data-round]');
    round.hidden = !(st.kind === 'exercise' && state.id);
    if (round.hidden) $('[data-go="next"]').className = 'primary';
    if (!round.hidden) {
      $('[data-progress]').textContent = S.fill(T.answered, {
        answered: S.count(state.answered),
        participants: S.count(state.participants),
      });
      $('[data-round-status]').textContent = '(' + T['status.' + state.status] + ')';
      setDisabled($('[data-action="open"]'), state.status === 'revealed', T['control.alreadyRevealed']);
      setDisabled($('[data-action="close"]'), state.status !== 'open', T['control.notOpen']);
      // The likely next action is the primary button: open a closed round, reveal an open one, else move on.
      var suggested = state.status === 'open' ? 'reveal' : state.status === 'revealed' ? null : 'open';
      root.querySelectorAll('[data-action]').forEach(function (b) {
        b.className = b.dataset.action === suggested ? 'primary' : 'secondary';
      });
      $('[data-go="next"]').className = suggested ? 'secondary' : 'primary';
      var revealed = state.status === 'revealed';
      setDisabled(
        $('[data-action="reveal"]'),
        state.status === 'draft' || revealed,
        T[revealed ? 'control.alreadyRevealed' : 'control.needOpen'],
      );
    }
    renderAnswers();

    var team = $('[data-team]');
    team.hidden = st.kind !== 'team';
    if (!team.hidden) {
      var note = summary.revealed
        ? T['control.teamShown']
        : summary.canReveal
          ? ''
          : S.fill(T['error.tooFew'], { min: summary.minGroupSize });
      $('[data-team-note]').textContent = note;
      setDisabled($('[data-reveal-team]'), summary.revealed || !summary.canReveal, note);
    }
    tick();
  }

  function tick() {
    var box = $('[data-countdown]');
    var left = state.status === 'open' ? S.secondsLeft(state.closesAt) : null;
    box.hidden = left === null;
    if (left === null) return;
    box.textContent = left > 0 ? S.fill(T.timeLeft, { time: S.clock(left) }) : T.timeUp;
    if (left === 0 && timeUpSaid !== state.closesAt) {
      timeUpSaid = state.closesAt;
      say(T.timeUp);
    }
  }
  setInterval(tick, 1000);

  function failed(r) {
    say(r.status === 0 ? T['error.offline'] : r.status === 409 ? T['error.conflict'] : T['error.failed']);
  }
  function send(path, body, done) {
    S.post(api + path, body).then(function (r) {
      if (!r.ok) return failed(r);
      if (done) say(done);
    });
  }
  function exercisePath(action) {
    return '/exercises/' + encodeURIComponent(state.id) + '/' + action;
  }
  function hide(answerId, hidden) {
    send(exercisePath('answers/' + answerId + '/hide'), { hidden: hidden }, hidden ? T['control.hiddenDone'] : T['control.shownDone']);
  }
  var actions = {
    open: function () {
      var seconds = $('[data-timer]').value;
      var done = seconds ? S.fill(T['control.openedTimer'], { time: S.clock(Number(seconds)) }) : T['control.opened'];
      send(exercisePath('open'), { seconds: seconds ? Number(seconds) : null }, done);
    },
    close: function () {
      send(exercisePath('close'), {}, T['control.closedDone']);
    },
    reveal: function () {
      send(exercisePath('reveal'), {}, T['control.revealedDone']);
    },
  };

  /** A button marked aria-disabled keeps its focus and says why nothing happens. */
  function guarded(button, run) {
    button.addEventListener('click', function () {
      if (button.getAttribute('aria-disabled') === 'true') return say(button.dataset.why || '');
      run();
    });
  }
  root.querySelectorAll('[data-go]').forEach(function (b) {
    guarded(b, function () {
      send('/step', { to: b.dataset.go });
    });
  });
  root.querySelectorAll('[data-action]').forEach(function (b) {
    guarded(b, actions[b.dataset.action]);
  });
  guarded($('[data-reveal-team]'), function () {
    send('/reveal', {}, T['control.teamShown']);
  });
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|SELECT|TEXTAREA)$/.test(e.target.tagName)) return;
    var go = { ArrowRight: 'next', PageDown: 'next', ArrowLeft: 'previous', PageUp: 'previous' }[e.key];
    if (!go) return;
    e.preventDefault();
    $('[data-go="' + go + '"]').click();
  });

  render();
  lastIndex = step().index;
  S.stream(root.dataset.session, {
    up: function (up) {
      if (!up) say(T.reconnecting);
    },
    summary: function (s) {
      summary = s;
      render();
    },
    exercise: function (x) {
      state = x;
      render();
      // A new step (from here or from the presenter's keys) is said once.
      if (step().index !== lastIndex) {
        lastIndex = step().index;
        say(S.fill(T['control.moved'], { step: S.stepName(T, step(), state.kind) }));
      }
    },
  });
})();

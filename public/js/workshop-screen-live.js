// The live half of the workshop screen: the event stream (kept open through lost connections, a lock screen and a
// back/forward cache) and the answers and votes, sent with fetch instead of the forms' page posts. See workshop-screen.js.
(function () {
  'use strict';
  var S = window.DrijfveerScreen;
  if (!S || !window.EventSource) return;
  var box = S.box;
  var source = null;
  var retry = null;
  var failures = 0;
  var down = null; // the timer that says "no connection" when a reconnect takes longer than a blip
  var offline = false;
  var leaving = false;

  function connect() {
    clearTimeout(retry);
    if (source) source.close();
    source = new EventSource(S.api + '/events');
    source.addEventListener('exercise', function (e) {
      S.event(JSON.parse(e.data));
    });
    source.addEventListener('open', function () {
      failures = 0;
      clearTimeout(down);
      down = null;
      if (offline) {
        offline = false;
        S.say('online');
        S.refresh();
      }
    });
    source.addEventListener('error', function () {
      if (leaving) return;
      if (!down && !offline)
        down = setTimeout(function () {
          offline = true;
          S.say('offline');
        }, 4000);
      // The browser retries by itself unless the server refused the stream; then we try again, more slowly each time.
      if (source.readyState === EventSource.CLOSED) {
        offline = true;
        failures++;
        retry = setTimeout(connect, Math.min(30000, 1000 * Math.pow(2, failures)));
      }
    });
  }

  // A phone that was locked or in the background may have a dead stream without knowing it: start again, and look.
  function wake() {
    connect();
    S.refresh();
  }
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') wake();
  });
  window.addEventListener('online', wake);
  window.addEventListener('pageshow', function (e) {
    leaving = false;
    if (e.persisted) wake();
  });
  window.addEventListener('pagehide', function () {
    leaving = true;
    if (source) source.close();
  });

  /** The API path of a form's page post: /w/:token/exercises/… becomes /api/assessments/:token/exercises/…. */
  function apiPath(form) {
    var action = form.getAttribute('action');
    return S.api + action.slice(action.indexOf('/exercises/'));
  }

  function errorKey(res) {
    if (res.status === 409) return Promise.resolve('roundClosed');
    if (res.status !== 400) return Promise.resolve('failed');
    return res.json().then(
      function (body) {
        var f = (body.error && body.error.details && body.error.details.fields && body.error.details.fields[0]) || {};
        if (f.field === 'drive') return 'errorDrive';
        if (f.field === 'option') return 'errorOption';
        return f.message === 'required' ? 'errorText' : 'errorTextLong';
      },
      function () {
        return 'failed';
      },
    );
  }

  /** Sends an answer; a tapped choice is marked at once and unmarked again when it was not saved. */
  function answer(form, submitter) {
    var kind = form.getAttribute('data-kind');
    var body = {};
    var buttons = Array.prototype.slice.call(form.querySelectorAll('button[aria-pressed]'));
    var before = buttons.map(function (b) {
      return b.getAttribute('aria-pressed');
    });
    if (kind === 'open') {
      body.text = form.querySelector('textarea').value;
      if (!body.text.trim()) return S.say('errorText');
    } else {
      if (!submitter || !submitter.name) return;
      body[submitter.name] = submitter.value;
      buttons.forEach(function (b) {
        b.setAttribute('aria-pressed', String(b === submitter));
      });
    }
    var undo = function () {
      buttons.forEach(function (b, i) {
        b.setAttribute('aria-pressed', before[i]);
      });
    };
    S.say('saving');
    S.postJson(apiPath(form) + '/answer', body)
      .then(function (res) {
        if (res.ok)
          return res.json().then(function (saved) {
            var current = S.state().answer;
            S.mine({ answer: { id: current ? current.id : 0, value: saved.answer } });
            S.say('saved');
            // The wall marks the own answer by its id, which only the API's current state tells.
            if (kind === 'open') S.refresh();
          });
        undo();
        return errorKey(res).then(function (key) {
          S.say(key, { max: 280 });
          if (key === 'roundClosed') S.refresh();
        });
      })
      .catch(function () {
        undo();
        S.say('failed');
      });
  }

  /** One vote per answer: a second tap on a pressed vote does nothing. */
  function vote(form) {
    var button = form.querySelector('button.answer-vote');
    var id = Number(form.querySelector('input[name="answerId"]').value);
    if (!button || button.getAttribute('aria-pressed') === 'true') return;
    var label = button.textContent;
    button.setAttribute('aria-pressed', 'true');
    S.postJson(apiPath(form), { answerId: id })
      .then(function (res) {
        if (res.ok) {
          S.mine({ votes: S.state().votes.concat([id]) });
          return S.say('voted');
        }
        button.setAttribute('aria-pressed', 'false');
        button.textContent = label;
        S.say(res.status === 409 ? 'voteRefused' : 'failed');
      })
      .catch(function () {
        button.setAttribute('aria-pressed', 'false');
        S.say('failed');
      });
  }

  // Which button sent the form (for browsers without SubmitEvent.submitter).
  var lastButton = null;
  box.addEventListener('click', function (e) {
    lastButton = e.target && e.target.closest ? e.target.closest('button[type="submit"]') : null;
  });
  box.addEventListener('submit', function (e) {
    var form = e.target;
    e.preventDefault();
    if (form.classList.contains('answer-vote-form')) vote(form);
    else if (form.classList.contains('screen-answer')) answer(form, e.submitter || lastButton);
  });

  connect();
})();

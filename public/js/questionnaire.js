// Saves each answer as it is given; the form still works without this script (page submit).
(function () {
  'use strict';
  var form = document.querySelector('form.questionnaire');
  if (!form) return;
  var token = form.dataset.token;
  var status = document.querySelector('.save-status');
  var progress = document.getElementById('progress');
  var progressText = document.getElementById('progress-text');
  var lastEvent = Date.now();

  function say(text) {
    status.textContent = text;
  }

  /** The message in a situation (a live region that is on the page from the start, so it is announced). */
  function explain(id, text) {
    var box = document.getElementById('conflict-' + id);
    if (box) box.textContent = text;
  }

  function patchFor(input) {
    var name = input.name;
    var dot = name.indexOf('.');
    var now = Date.now();
    var ms = Math.min(now - lastEvent, 3600000);
    lastEvent = now;
    if (dot < 0) {
      var likert = {};
      likert[name] = Number(input.value);
      var d1 = {};
      d1[name] = ms;
      return { likert: likert, durations: d1 };
    }
    var id = name.slice(0, dot);
    var kind = name.slice(dot + 1);
    var other = kind === 'most' ? 'least' : 'most';
    var otherChecked = form.querySelector('input[name="' + id + '.' + other + '"]:checked');
    // One reaction cannot be both most and least: clear the earlier choice and say so in the situation.
    if (otherChecked && otherChecked.value === input.value) {
      otherChecked.checked = false;
      otherChecked = null;
      explain(id, other === 'most' ? form.dataset.textConflictMost : form.dataset.textConflictLeast);
      say(''); // nothing new is saved until both are chosen again
    }
    if (!otherChecked) return null; // wait until both are chosen
    var choice = {};
    choice[id] = {};
    choice[id][kind] = input.value;
    choice[id][other] = otherChecked.value;
    var d2 = {};
    d2[id] = ms;
    return { choice: choice, durations: d2 };
  }

  form.addEventListener('change', function (event) {
    var input = event.target;
    if (!input || input.type !== 'radio') return;
    var item = input.closest('.item');
    var patch = patchFor(input);
    if (!patch) return;
    say(form.dataset.textSaving);
    fetch('/api/assessments/' + encodeURIComponent(token) + '/answers', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(patch),
      credentials: 'same-origin',
    })
      .then(function (res) {
        if (!res.ok) throw new Error('status ' + res.status);
        return res.json();
      })
      .then(function (p) {
        progress.value = p.answered;
        progress.max = p.total;
        progressText.textContent = form.dataset.textProgress.replace('{answered}', p.answered).replace('{total}', p.total);
        if (item) {
          item.classList.remove('has-error');
          var err = item.querySelector('.field-error');
          if (err) err.remove();
          explain(item.dataset.item, '');
        }
        say(form.dataset.textSaved);
      })
      .catch(function () {
        say(form.dataset.textFailed);
      });
  });

  // Participants of a workshop: when the trainer opens an exercise, say so here, with a link to the workshop screen.
  // A self-assessment has no workshop link, and opens no stream.
  var nudge = document.querySelector('[data-studio-nudge]');
  if (nudge && window.EventSource) {
    fetch('/api/assessments/' + encodeURIComponent(token), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (res) {
        return res.ok ? res.json() : null;
      })
      .then(function (state) {
        if (!state || !state.links || !state.links.workshop) return;
        nudge.querySelector('[data-studio-link]').href = state.links.workshop;
        var source = new EventSource('/api/assessments/' + encodeURIComponent(token) + '/events');
        source.addEventListener('exercise', function (e) {
          var data = JSON.parse(e.data);
          nudge.hidden = !(data.exercise && data.exercise.status === 'open');
        });
      })
      .catch(function () {
        /* no nudge: the questionnaire works as before */
      });
  }
})();

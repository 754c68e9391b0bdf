// Builds one step of the workshop screen from the live state: the same markup as views/partials/screen-step.ejs and its
// partials (the server renders the first paint; this renders every change after it). Used by workshop-screen.js.
(function () {
  'use strict';

  /** An element with attributes (false/null left out) and children (text or nodes; null left out). */
  function h(tag, attrs, children) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k === 'text') el.textContent = v;
      else el.setAttribute(k, v === true ? '' : String(v));
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return el;
  }

  function clock(seconds) {
    return Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
  }

  function verdictOf(own, intended, also) {
    if (own === null) return 'missed';
    if (!intended) return 'open';
    if (own === intended) return 'intended';
    return (also || []).indexOf(own) >= 0 ? 'also' : 'other';
  }

  function create(ctx) {
    var t = ctx.t;
    var name = function (id) {
      var d = ctx.drives.filter(function (x) {
        return x.id === id;
      })[0];
      return d ? d.name : id;
    };
    var votesText = function (n) {
      return n === 1 ? t('votesOne') : t('votes', { count: n });
    };

    function questionnaire(s) {
      var p = ctx.progress;
      var box = h('div', { class: 'screen-questionnaire' });
      if (p.completed) {
        if (s.step.kind === 'lobby') box.appendChild(h('p', { text: t('completed') }));
        box.appendChild(h('p', {}, [h('a', { class: 'button', href: '/p/' + ctx.token, text: t('profileLink') })]));
        return box;
      }
      box.appendChild(h('p', { id: 'questionnaire-progress', text: t('progress', { answered: p.answered, total: p.total }) }));
      box.appendChild(h('progress', { max: p.total, value: p.answered, 'aria-labelledby': 'questionnaire-progress' }));
      var label = t(p.answered ? 'continueQuestionnaire' : 'startQuestionnaire');
      box.appendChild(h('p', {}, [h('a', { class: 'button button-primary', href: '/a/' + ctx.token, text: label })]));
      return box;
    }

    function fixedStep(s) {
      var k = s.step.kind;
      var title = k === 'team' ? 'teamTitle' : k === 'end' ? 'endTitle' : 'lobbyTitle';
      var lead = k === 'team' ? (s.revealed ? 'teamShown' : 'teamWaiting') : k === 'end' ? 'endText' : 'lobbyIntro';
      // The team view is the server's markup: workshop-screen-team.js fills this box from /w/:token/team.
      var team = k === 'team' && s.revealed ? h('div', { class: 'screen-team', 'data-team-view': '' }) : null;
      return [
        h('h1', { id: 'step-title', tabindex: '-1', text: t(title) }),
        h('p', { class: 'lead', text: t(lead) }),
        team,
        questionnaire(s),
      ];
    }

    function choiceButton(field, value, label, pressed, extra) {
      var cls = field === 'drive' ? 'drive-choice drive--' + value : 'poll-choice';
      return h('button', { type: 'submit', name: field, value: value, class: cls, 'aria-pressed': String(pressed) }, [
        h('span', { class: 'choice-name', lang: field === 'option' ? ctx.sessionLang : null, text: label }),
        extra ? h('span', { class: 'choice-colour', text: extra }) : null,
        h('span', { class: 'choice-check', 'aria-hidden': 'true', text: '✓' }),
      ]);
    }

    function answerForm(s, x) {
      var own = s.answer ? s.answer.value : null;
      var form = h('form', {
        method: 'post',
        action: '/w/' + ctx.token + '/exercises/' + x.id,
        class: 'screen-answer',
        'data-kind': x.kind,
      });
      if (x.kind === 'open') {
        var typed = own || '';
        form.appendChild(h('label', { for: 'open-text', class: 'open-label', text: t('openLabel') }));
        form.appendChild(h('p', { class: 'hint', id: 'open-hint', text: t('openHint') }));
        var area = h('textarea', {
          id: 'open-text',
          name: 'text',
          rows: '4',
          maxlength: '280',
          'aria-describedby': 'open-hint open-counter',
        });
        area.textContent = typed; // its default value, as the server writes it
        form.appendChild(area);
        form.appendChild(h('p', { class: 'open-counter-text', id: 'open-counter', text: t('counter', { count: typed.length, max: 280 }) }));
        form.appendChild(h('button', { type: 'submit', class: 'primary', text: t(own ? 'change' : 'send') }));
        return form;
      }
      var recognise = x.kind === 'recognize';
      form.appendChild(h('p', { class: 'hint', id: 'choice-hint', text: t(recognise ? 'recognizeHint' : 'pollHint') }));
      var group = h('div', {
        class: recognise ? 'drive-choices' : 'poll-choices',
        role: 'group',
        'aria-label': t(recognise ? 'driveChoices' : 'pollChoices'),
        'aria-describedby': 'choice-hint',
      });
      if (recognise)
        ctx.drives.forEach(function (d) {
          group.appendChild(choiceButton('drive', d.id, d.name, own === d.id, d.colour));
        });
      else
        (x.options || []).forEach(function (o) {
          group.appendChild(choiceButton('option', o, o, own === o, null));
        });
      form.appendChild(group);
      return form;
    }

    function wallItem(s, x, a) {
      var own = Boolean(s.answer && s.answer.id === a.id);
      var voted = s.votes.indexOf(a.id) >= 0;
      var meta = h('div', { class: 'answer-wall-meta' }, [h('span', { class: 'answer-wall-votes', text: votesText(a.votes) })]);
      if (own) meta.appendChild(h('span', { class: 'answer-wall-own', text: t('yourAnswer') }));
      else if (x.status === 'open') {
        var form = h('form', { method: 'post', action: '/w/' + ctx.token + '/exercises/' + x.id + '/votes', class: 'answer-vote-form' }, [
          h('input', { type: 'hidden', name: 'answerId', value: a.id }),
          h('button', {
            type: 'submit',
            class: 'answer-vote',
            'aria-pressed': String(voted),
            'aria-describedby': 'answer-' + a.id,
            text: t(voted ? 'votedButton' : 'vote'),
          }),
        ]);
        meta.appendChild(form);
      }
      return h('li', { class: 'answer-wall-item' + (own ? ' is-own' : ''), 'data-answer': a.id }, [
        h('p', { class: 'answer-wall-text', id: 'answer-' + a.id, text: a.text }),
        meta,
      ]);
    }

    function wall(s, x) {
      var answers = x.answers || [];
      var list = h('ul', { class: 'answer-wall-list' });
      answers.forEach(function (a) {
        list.appendChild(wallItem(s, x, a));
      });
      return h('section', { class: 'answer-wall', 'aria-labelledby': 'answer-wall-title' }, [
        h('h2', { id: 'answer-wall-title', text: t('othersTitle') }),
        x.status === 'open' ? h('p', { class: 'hint', text: t('othersHint') }) : null,
        h('p', { class: 'answer-wall-none', hidden: answers.length > 0, text: t('othersNone') }),
        list,
      ]);
    }

    /** Brings the wall up to date in place: counts and votes change, new answers come at the end, hidden ones go. */
    function patchWall(box, s) {
      var x = s.exercise;
      var list = box.querySelector('.answer-wall-list');
      if (!list) return;
      var seen = {};
      (x.answers || []).forEach(function (a) {
        seen[a.id] = true;
        var li = list.querySelector('[data-answer="' + a.id + '"]');
        var fresh = wallItem(s, x, a);
        if (!li) return list.appendChild(fresh);
        li.querySelector('.answer-wall-votes').textContent = fresh.querySelector('.answer-wall-votes').textContent;
        var button = li.querySelector('button.answer-vote');
        var next = fresh.querySelector('button.answer-vote');
        if (button && next) {
          button.setAttribute('aria-pressed', next.getAttribute('aria-pressed'));
          button.textContent = next.textContent;
        } else if (Boolean(button) !== Boolean(next) || li.className !== fresh.className) list.replaceChild(fresh, li);
      });
      Array.prototype.slice.call(list.children).forEach(function (li) {
        if (!seen[li.getAttribute('data-answer')]) list.removeChild(li);
      });
      box.querySelector('.answer-wall-none').hidden = list.children.length > 0;
    }

    return {
      h: h,
      t: t,
      name: name,
      clock: clock,
      verdictOf: verdictOf,
      fixedStep: fixedStep,
      answerForm: answerForm,
      wall: wall,
      patchWall: patchWall,
    };
  }

  window.DrijfveerScreenView = { create: create };
})();

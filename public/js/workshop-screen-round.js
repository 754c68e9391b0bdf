// The exercise step of the workshop screen (a round and, once revealed, its results), built like
// views/partials/screen-step.ejs and screen-results.ejs. Extends workshop-screen-view.js; used by workshop-screen.js.
(function () {
  'use strict';
  var View = window.DrijfveerScreenView;
  if (!View) return;

  View.steps = function (ctx) {
    var v = View.create(ctx);
    var h = v.h;
    var t = v.t;

    function bars(s, x, r) {
      var own = s.answer ? s.answer.value : null;
      var counts = r.counts || {};
      var rows =
        x.kind === 'recognize'
          ? ctx.drives.map(function (d) {
              return { key: d.id, label: d.name, drive: d.id, intended: r.intended === d.id };
            })
          : (x.options || []).map(function (o) {
              return { key: o, label: o, drive: null, intended: false };
            });
      var total = rows.reduce(function (n, b) {
        return n + (counts[b.key] || 0);
      }, 0);
      var list = h('ul', { class: 'result-bars' });
      rows.forEach(function (b) {
        var n = counts[b.key] || 0;
        var mine = own === b.key;
        var cls = 'result-bar-row' + (b.drive ? ' drive--' + b.drive : '') + (mine ? ' is-own' : '');
        list.appendChild(
          h('li', { class: cls }, [
            h('span', { class: 'result-bar-label' }, [
              h('span', { lang: b.drive ? null : ctx.sessionLang, text: b.label }),
              b.intended ? ' ' : null,
              b.intended ? h('span', { class: 'result-tag', text: t('intendedTag') }) : null,
              mine ? ' ' : null,
              mine ? h('span', { class: 'result-tag result-tag-own', text: t('you') }) : null,
            ]),
            h('progress', { class: 'result-bar', max: Math.max(1, total), value: n, 'aria-hidden': 'true' }),
            h('span', { class: 'result-bar-count', text: ctx.count(n) }),
          ]),
        );
      });
      return [
        h('h3', {}, [
          t('countsTitle') + ' ',
          h('span', { class: 'muted', text: '(' + (total === 1 ? t('countsTotalOne') : t('countsTotal', { count: total })) + ')' }),
        ]),
        list,
      ];
    }

    function recognised(s, r) {
      var own = s.answer ? s.answer.value : null;
      var verdict = v.verdictOf(own, r.intended, r.also);
      var key = { intended: 'verdictIntended', also: 'verdictAlso', other: 'verdictOther', open: 'verdictOpen', missed: 'verdictMissed' }[
        verdict
      ];
      var out = [h('p', { class: 'result-verdict result-verdict-' + verdict, text: t(key, { drive: own ? v.name(own) : '' }) })];
      if (r.intended) {
        var text = t('intended', { drive: v.name(r.intended) });
        if (r.also && r.also.length) text += ' ' + t('also', { drives: r.also.map(v.name).join(', ') });
        out.push(h('p', { text: text }));
      }
      if (r.need) out.push(h('h3', { text: t('needTitle') }), h('p', { lang: ctx.sessionLang, text: r.need }));
      if (r.say && r.say.length)
        out.push(
          h('h3', { text: t('sayTitle') }),
          h(
            'ul',
            { class: 'result-say', lang: ctx.sessionLang },
            r.say.map(function (line) {
              return h('li', { text: line });
            }),
          ),
        );
      return out;
    }

    function openResults(r) {
      var words = r.words || [];
      var heard = (r.drives || [])
        .filter(function (d) {
          return d.score > 0;
        })
        .slice(0, 3);
      var out = [h('h3', { text: t('wordsTitle') })];
      out.push(
        words.length
          ? h(
              'ul',
              { class: 'result-words' },
              words.map(function (w) {
                return h('li', {}, [h('span', { text: w.word }), ' ', h('span', { class: 'result-word-count', text: ctx.count(w.count) })]);
              }),
            )
          : h('p', { text: t('wordsNone') }),
      );
      if (heard.length)
        out.push(
          h('h3', { text: t('heardTitle') }),
          h(
            'ul',
            { class: 'result-heard' },
            heard.map(function (d) {
              return h('li', {}, [h('span', { class: 'swatch drive--' + d.drive, 'aria-hidden': 'true' }), v.name(d.drive)]);
            }),
          ),
        );
      return out;
    }

    function results(s, x) {
      var r = x.results || {};
      var own = s.answer ? s.answer.value : null;
      var body = [h('h2', { id: 'round-results-title', text: t('resultsTitle') })];
      if (x.kind === 'open') body = body.concat(openResults(r));
      else {
        body = body.concat(bars(s, x, r));
        if (x.kind === 'recognize') body = body.concat(recognised(s, r));
        else body.push(h('p', { class: 'round-own-choice', text: own ? t('youChose', { choice: own }) : t('noAnswer') }));
      }
      return h('section', { class: 'round-results', 'aria-labelledby': 'round-results-title' }, body);
    }

    /** The nodes of the whole step for state `s`; `now` is the server's clock (for the countdown). */
    function render(s, now) {
      var x = s.exercise;
      if (s.step.kind !== 'exercise' || !x) return v.fixedStep(s);
      var kindTitle = t(x.kind + 'Kind');
      var out = [
        h('p', { class: 'step-of', text: t('stepOf', { number: s.step.index - 1, count: s.step.count - 3 }) + ' · ' + kindTitle }),
      ];
      if (x.status === 'draft')
        return out.concat([h('h1', { id: 'step-title', tabindex: '-1', text: kindTitle }), h('p', { class: 'lead', text: t('draft') })]);
      if (x.kind === 'recognize')
        out.push(
          h('h1', { id: 'step-title', tabindex: '-1', text: t('recognizeTitle') }),
          h('figure', { class: 'client-remark' }, [
            h('figcaption', { text: t('recognizeIntro') }),
            h('blockquote', { lang: ctx.sessionLang }, [h('p', { text: x.text })]),
          ]),
        );
      else out.push(h('h1', { id: 'step-title', tabindex: '-1', class: 'round-prompt', lang: ctx.sessionLang, text: x.prompt }));
      if (x.status === 'open') {
        if (x.closesAt) {
          var left = Math.max(0, Math.ceil((Date.parse(x.closesAt) - now) / 1000));
          out.push(h('p', { class: 'round-countdown', 'data-closes-at': x.closesAt, text: t('countdown', { time: v.clock(left) }) }));
        }
        out.push(v.answerForm(s, x));
      } else if (x.status === 'closed') {
        out.push(h('p', { class: 'screen-closed', text: t('closed') }));
        if (x.kind !== 'open') {
          var own = s.answer ? s.answer.value : null;
          var label = own && x.kind === 'recognize' ? v.name(own) : own;
          out.push(h('p', { class: 'round-own-choice', text: own ? t('youChose', { choice: label }) : t('noAnswer') }));
        }
      } else out.push(results(s, x));
      if (x.kind === 'open') out.push(v.wall(s, x));
      return out;
    }

    return { render: render, patchWall: v.patchWall, clock: v.clock };
  };
})();

// The presenter's screens, one per step kind (the recognise round's in studio-present-recognise.js): each turns the live state into large text and HTML bars (a <meter> draws,
// the text beside it says the number, so nothing is told by colour or length alone). studio-present.js picks and shows them.
(function () {
  'use strict';
  var S = window.DrijfveerStudio;
  var el = S.el;
  var fill = S.fill;
  /** Open answers on the projector: the most-voted first; more would not fit a 1080-line screen in large type. */
  var WALL = 10;

  window.DrijfveerPresentViews = function (T, drives) {
    var byId = {};
    drives.forEach(function (d) {
      byId[d.id] = d;
    });
    var name = function (id) {
      return byId[id] ? byId[id].name : id;
    };

    function view(kind, kicker, title) {
      var s = el('section', null, { class: 'present-view present-' + kind });
      if (kicker) s.appendChild(el('p', kicker, { class: 'present-kicker' }));
      if (title) s.appendChild(el('h1', title, { class: 'present-title' }));
      return s;
    }
    function heading(text, id) {
      return el('h2', text, { class: 'present-subtitle', id: id });
    }

    /** rows: [{ label, value, drive, text }]; `max` is the value of a full bar. */
    function bars(rows, max, labelledBy) {
      var list = el('ul', null, { class: 'present-bars', 'aria-labelledby': labelledBy });
      rows.forEach(function (r) {
        var li = el('li', null, {
          class: 'present-bar' + (r.drive ? ' drive--' + r.drive : ' bar-neutral') + (r.marked ? ' is-marked' : ''),
        });
        li.appendChild(el('span', r.label, { class: 'bar-label' }));
        li.appendChild(el('meter', null, { min: '0', max: String(Math.max(max, 1)), value: String(r.value), 'aria-hidden': 'true' }));
        li.appendChild(el('span', r.text, { class: 'bar-value' }));
        list.appendChild(li);
      });
      return list;
    }
    function share(count, total) {
      return fill(T.share, { count: S.count(count), percent: S.count(total ? Math.round((count / total) * 100) : 0) });
    }

    /** "Answered: 3 of 12" and the timer or "closed"; studio-present.js ticks [data-countdown]. */
    function progress(x) {
      var p = el('p', null, { class: 'present-progress' });
      p.appendChild(el('span', fill(T.answered, { answered: S.count(x.answered), participants: S.count(x.participants) })));
      if (x.status === 'open' && x.closesAt) {
        p.appendChild(el('span', '', { class: 'present-timer', 'data-countdown': x.closesAt }));
      } else if (x.status === 'closed') {
        p.appendChild(el('span', T.closed, { class: 'present-closed' }));
      } else if (x.status === 'draft') {
        p.appendChild(el('span', T.draft, { class: 'present-closed' }));
      }
      return p;
    }

    function board(list) {
      var box = el('div', null, { class: 'present-board-box' });
      box.appendChild(heading(T.board, 'present-board-title'));
      var ol = el('ol', null, { class: 'present-board', 'aria-labelledby': 'present-board-title' });
      list.slice(0, 5).forEach(function (b) {
        var li = el('li');
        li.appendChild(el('span', b.alias, { class: 'board-alias' }));
        li.appendChild(el('span', fill(T.points, { points: S.count(b.points) }), { class: 'board-points' }));
        ol.appendChild(li);
      });
      box.appendChild(ol);
      return box;
    }

    function remark(text, segments) {
      var q = el('blockquote', null, { class: 'present-remark' });
      (segments || [{ text: text, drive: null }]).forEach(function (s) {
        q.appendChild(s.drive ? el('mark', s.text, { class: 'drive--' + s.drive }) : document.createTextNode(s.text));
      });
      return q;
    }
    function driveTag(id) {
      var span = el('span', null, { class: 'present-drive drive--' + id });
      span.appendChild(el('span', null, { class: 'swatch', 'aria-hidden': 'true' }));
      span.appendChild(document.createTextNode(name(id)));
      return span;
    }
    function line(cls, before, tags) {
      var p = el('p', before, { class: cls });
      tags.forEach(function (id) {
        p.appendChild(document.createTextNode(' '));
        p.appendChild(driveTag(id));
      });
      return p;
    }

    /** Words sized by how often they were written: five sizes (CSS classes), the count in text for screen readers. */
    function cloud(words) {
      var box = el('div', null, { class: 'present-cloud-box' });
      box.appendChild(heading(T.cloud, 'present-cloud-title'));
      var ul = el('ul', null, { class: 'present-cloud', 'aria-labelledby': 'present-cloud-title' });
      var max = words.reduce(function (m, w) {
        return Math.max(m, w.count);
      }, 1);
      words.forEach(function (w) {
        var size = max > 1 ? 1 + Math.round(((w.count - 1) / (max - 1)) * 4) : 3;
        var li = el('li', w.word, { class: 'cloud-' + size });
        li.appendChild(el('span', ' (' + S.count(w.count) + ')', { class: 'visually-hidden' }));
        ul.appendChild(li);
      });
      box.appendChild(ul);
      return box;
    }

    function open(x, kicker) {
      var s = view('open', kicker, x.prompt);
      s.appendChild(progress(x));
      var grid = el('div', null, { class: 'present-grid present-grid-open' });
      var visible = (x.answers || []).filter(function (a) {
        return !a.hidden;
      });
      var wall = el('ul', null, { class: 'present-wall', 'aria-label': T.wall });
      if (!visible.length) wall.appendChild(el('li', T.noAnswers, { class: 'present-empty' }));
      visible.slice(0, WALL).forEach(function (a) {
        var li = el('li');
        li.appendChild(el('span', a.text, { class: 'wall-text' }));
        li.appendChild(el('span', a.votes === 1 ? T.vote : fill(T.votes, { votes: S.count(a.votes) }), { class: 'wall-votes' }));
        wall.appendChild(li);
      });
      var left = el('div');
      left.appendChild(wall);
      if (visible.length > WALL) left.appendChild(el('p', fill(T.more, { n: S.count(visible.length - WALL) }), { class: 'present-note' }));
      var right = el('div');
      if (x.words && x.words.length) right.appendChild(cloud(x.words));
      if (x.status === 'revealed' && x.drives) {
        right.appendChild(heading(T.groupDrives, 'present-group-title'));
        var found = x.drives.filter(function (d) {
          return d.score > 0;
        });
        if (!found.length) right.appendChild(el('p', T.noDrives));
        else {
          var rows = found.map(function (d) {
            return { label: name(d.drive), value: d.score, drive: d.drive, text: fill(T.percent, { percent: S.count(d.score) }) };
          });
          right.appendChild(bars(rows, 100, 'present-group-title'));
        }
      }
      grid.appendChild(left);
      grid.appendChild(right);
      s.appendChild(grid);
      return s;
    }

    function poll(x, kicker) {
      var s = view('poll', kicker, x.prompt);
      s.appendChild(progress(x));
      var options = x.options || [];
      if (x.status === 'revealed' && x.counts) {
        s.appendChild(heading(T.pollResult, 'present-poll-title'));
        var rows = options.map(function (o) {
          var n = x.counts[o] || 0;
          return { label: o, value: n, text: share(n, x.answered) };
        });
        s.appendChild(bars(rows, x.answered, 'present-poll-title'));
        return s;
      }
      var ol = el('ol', null, { class: 'present-options' });
      options.forEach(function (o) {
        ol.appendChild(el('li', o));
      });
      s.appendChild(ol);
      s.appendChild(el('p', T.pollWaiting, { class: 'present-note' }));
      return s;
    }

    function lobby(summary, join, kicker) {
      var s = view('lobby', kicker, summary.title);
      var box = el('div', null, { class: 'present-join' });
      var text = el('div');
      var at = el('p', T.joinAt + ' ', { class: 'present-join-at' });
      at.appendChild(el('strong', join.url, { class: 'join-url' }));
      text.appendChild(at);
      text.appendChild(el('p', join.code, { class: 'present-code', 'aria-label': T.code + ' ' + join.code.split('').join(' ') }));
      text.appendChild(
        el('p', fill(T.counts, { participants: S.count(summary.participants), completed: S.count(summary.completed) }), {
          class: 'present-counts',
        }),
      );
      box.appendChild(text);
      box.appendChild(
        el('img', null, {
          class: 'present-qr',
          src: '/join/' + encodeURIComponent(join.code) + '/qr.svg',
          alt: T.qrAlt,
          width: '420',
          height: '420',
        }),
      );
      s.appendChild(box);
      if (summary.status === 'closed') s.appendChild(el('p', T.sessionClosed, { class: 'present-note' }));
      return s;
    }

    function end(list, kicker) {
      var s = view('end', kicker, T.thanks);
      s.appendChild(el('p', T.thanksNote, { class: 'present-lead' }));
      if (list && list.length) s.appendChild(board(list));
      return s;
    }

    var parts = { view: view, heading: heading, bars: bars, share: share, progress: progress, board: board, remark: remark, line: line };
    var views = { view: view, heading: heading, open: open, poll: poll, lobby: lobby, end: end };
    views.recognise = window.DrijfveerPresentRecognise(T, drives, parts);
    return views;
  };
})();

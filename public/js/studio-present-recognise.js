// The presenter's screen for a recognise round ("which drive do you hear?"): the remark and the six choices while the
// phones answer; after the reveal the remark with the reader's marked words, the intended drive, the need behind it,
// sentences to say, how the group answered and (with points) the top five.
(function () {
  'use strict';
  var S = window.DrijfveerStudio;
  var el = S.el;

  window.DrijfveerPresentRecognise = function (T, drives, parts) {
    function driveOf(x) {
      return x.intended || (x.reading.drives[0] && x.reading.drives[0].drive) || null;
    }

    function explanation(x) {
      var box = el('div');
      var marked = [];
      x.reading.segments.forEach(function (seg) {
        if (seg.drive && marked.indexOf(seg.drive) < 0) marked.push(seg.drive);
      });
      box.appendChild(parts.remark(x.text, x.reading.segments));
      if (marked.length) box.appendChild(parts.line('present-legend', T.marked, marked));
      var heard = driveOf(x);
      if (x.intended) box.appendChild(parts.line('present-intended', T.intended, [x.intended]));
      else if (heard) box.appendChild(parts.line('present-intended', T.readerHears, [heard]));
      if (x.also && x.also.length) box.appendChild(parts.line('present-also', T.also, x.also));
      if (x.need) {
        var need = el('p', null, { class: 'present-need' });
        need.appendChild(el('strong', T.need + ' '));
        need.appendChild(document.createTextNode(x.need));
        box.appendChild(need);
      }
      if (x.say && x.say.length) {
        box.appendChild(parts.heading(T.say, 'present-say-title'));
        var ul = el('ul', null, { class: 'present-say', 'aria-labelledby': 'present-say-title' });
        x.say.slice(0, 3).forEach(function (sentence) {
          ul.appendChild(el('li', sentence));
        });
        box.appendChild(ul);
      }
      return box;
    }

    function answers(x) {
      var box = el('div');
      box.appendChild(parts.heading(S.fill(T.distribution, { answered: S.count(x.answered) }), 'present-dist-title'));
      var rows = drives.map(function (d) {
        var n = (x.counts && x.counts[d.id]) || 0;
        return {
          label: d.name + (d.id === x.intended ? ' (' + T.intendedTag + ')' : ''),
          value: n,
          drive: d.id,
          marked: d.id === x.intended,
          text: parts.share(n, x.answered),
        };
      });
      box.appendChild(parts.bars(rows, x.answered, 'present-dist-title'));
      if (x.leaderboard && x.leaderboard.length) box.appendChild(parts.board(x.leaderboard));
      return box;
    }

    return function recognise(x, kicker) {
      var s = parts.view('recognise', kicker, null);
      if (x.status !== 'revealed') {
        s.appendChild(parts.remark(x.text, null));
        // The six choices the phones show, so the room knows what to pick from.
        s.appendChild(
          parts.line(
            'present-choices',
            '',
            drives.map(function (d) {
              return d.id;
            }),
          ),
        );
        s.appendChild(parts.progress(x));
        return s;
      }
      s.classList.add('is-revealed');
      var grid = el('div', null, { class: 'present-grid' });
      grid.appendChild(explanation(x));
      grid.appendChild(answers(x));
      s.appendChild(grid);
      return s;
    };
  };
})();

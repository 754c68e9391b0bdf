// The trainer's live dashboard: renders the session summary from the server's event stream.
(function () {
  'use strict';
  var root = document.getElementById('dashboard');
  if (!root) return;
  var T = JSON.parse(root.dataset.texts);
  var drives = JSON.parse(root.dataset.drives);
  var byId = {};
  drives.forEach(function (d) {
    byId[d.id] = d;
  });
  var $ = function (sel) {
    return root.querySelector(sel);
  };
  var fill = function (s, vars) {
    return s.replace(/\{(\w+)\}/g, function (m, k) {
      return k in vars ? vars[k] : m;
    });
  };
  var charts = window.DrijfveerCharts;
  var last = null;

  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    Object.keys(attrs || {}).forEach(function (k) {
      e.setAttribute(k, attrs[k]);
    });
    return e;
  }
  function names(ids) {
    return ids
      .map(function (id) {
        return byId[id].name;
      })
      .join(', ');
  }

  function renderLobby(s) {
    var list = $('[data-lobby]');
    list.replaceChildren();
    if (!s.members.length) list.appendChild(el('li', T.lobbyEmpty));
    s.members.forEach(function (m) {
      var li = el('li', null, { 'data-status': m.status });
      li.appendChild(el('strong', m.name));
      var status = m.status === 'busy' ? fill(T.busy, { answered: m.answered, total: m.total }) : T[m.status];
      li.appendChild(el('span', status, { class: 'status' }));
      li.appendChild(removeForm(s.id, m.id));
      list.appendChild(li);
    });
    $('[data-counts]').textContent = fill(T.counts, { participants: s.participants, completed: s.completed });
  }

  // A small form per participant, so a trainer can remove someone (with all their data) from the session.
  function removeForm(workshopId, memberId) {
    var form = el('form', null, {
      method: 'post',
      action: '/trainer/sessions/' + encodeURIComponent(workshopId) + '/participants/' + memberId + '/delete',
      class: 'remove no-print',
    });
    form.appendChild(el('input', null, { type: 'hidden', name: '_csrf', value: root.dataset.csrf }));
    form.appendChild(el('button', T.remove, { type: 'submit', class: 'link' }));
    form.addEventListener('submit', function (e) {
      if (!window.confirm(T.removeConfirm)) e.preventDefault();
    });
    return form;
  }

  function renderReveal(s) {
    var button = $('[data-reveal]');
    var form = $('[data-reveal-form]');
    form.hidden = s.revealed;
    button.disabled = !s.canReveal;
    $('[data-reveal-hint]').textContent = s.canReveal ? '' : fill(T.revealHint, { min: s.minGroupSize });
    $('[data-hidden-note]').textContent = s.revealed ? '' : T.hidden;
    // Anonymous sessions: the chart covers a published set that moves on in steps (or is hidden for a while).
    var p = s.revealed ? s.published : null;
    var note = $('[data-published-note]');
    note.hidden = !p;
    if (p) {
      var why = fill(T.publishedWhy, { min: s.minGroupSize });
      note.textContent =
        (p.count === null ? fill(T.publishedHidden, { next: p.nextAt }) : fill(T.publishedNote, { n: p.count, next: p.nextAt })) +
        ' ' +
        why;
    }
    var shown = s.revealed && !(p && p.count === null);
    $('[data-team]').hidden = !shown;
    // The downloads are refused until the chart is shown (and while an anonymous chart is hidden).
    var exp = document.querySelector('[data-export]');
    if (exp) {
      exp.hidden = !shown;
      document.querySelector('[data-export-note]').textContent = shown ? '' : s.revealed ? T.exportWaiting : T.exportAfterReveal;
    }
  }

  function renderTeam(s) {
    if (!s.revealed || !s.insights) return;
    // The live summary is the API's (no names, no colours): joined here with the drives the page was given.
    charts.draw(document.getElementById('team-chart'), 'team', {
      labels: s.drives.map(function (d) {
        return byId[d.drive].name;
      }),
      colours: s.drives.map(function (d) {
        return byId[d.drive].hex;
      }),
      mean: {
        label: T.mean,
        values: s.drives.map(function (d) {
          return d.mean;
        }),
      },
      range: {
        label: T.range,
        values: s.drives.map(function (d) {
          return [d.min, d.max];
        }),
      },
    });
    var rows = $('[data-team-rows]');
    rows.replaceChildren();
    s.drives.forEach(function (d) {
      var tr = el('tr', null, { 'data-drive': d.drive });
      tr.appendChild(el('th', byId[d.drive].name, { scope: 'row' }));
      [d.mean, d.sd, d.min, d.max].forEach(function (v) {
        tr.appendChild(el('td', charts.format.score(v)));
      });
      tr.appendChild(el('td', charts.format.count(d.topCount)));
      rows.appendChild(tr);
    });
    var ins = $('[data-insights]');
    ins.replaceChildren();
    var i = s.insights;
    ins.appendChild(el('li', fill(T.dominant, { drives: names(i.dominant) })));
    ins.appendChild(el('li', i.noStrength.length ? fill(T.noStrength, { drives: names(i.noStrength) }) : T.allStrength));
    if (i.contrasts.length) {
      ins.appendChild(
        el(
          'li',
          fill(T.contrasts, {
            pairs: i.contrasts
              .map(function (c) {
                return c.a + ' – ' + c.b;
              })
              .join('; '),
          }),
        ),
      );
    }
    ins.appendChild(el('li', T.ipsative));
    renderCompare(s);
  }

  function renderCompare(s) {
    var box = $('[data-compare]');
    if (!box) return;
    var withProfile = s.members.filter(function (m) {
      return m.profile;
    });
    [$('[data-compare-a]'), $('[data-compare-b]')].forEach(function (select, k) {
      var keep = select.value;
      select.replaceChildren();
      withProfile.forEach(function (m, idx) {
        select.appendChild(el('option', m.name, { value: String(idx) }));
      });
      select.value = keep && Number(keep) < withProfile.length ? keep : String(Math.min(k, withProfile.length - 1));
    });
    drawCompare(withProfile);
  }

  function drawCompare(withProfile) {
    var a = withProfile[Number($('[data-compare-a]').value)];
    var b = withProfile[Number($('[data-compare-b]').value)];
    if (!a || !b) return;
    var score = function (m) {
      return drives.map(function (d) {
        return m.profile.combined[d.id];
      });
    };
    charts.draw(document.getElementById('compare-chart'), 'pair', {
      labels: drives.map(function (d) {
        return d.name;
      }),
      series: [
        { label: a.name, values: score(a), tone: 'first' },
        { label: b.name, values: score(b), tone: 'second' },
      ],
    });
  }

  function render(s) {
    last = s;
    renderLobby(s);
    renderReveal(s);
    renderTeam(s);
  }

  ['[data-compare-a]', '[data-compare-b]'].forEach(function (sel) {
    var select = $(sel);
    if (select)
      select.addEventListener('change', function () {
        drawCompare(
          last.members.filter(function (m) {
            return m.profile;
          }),
        );
      });
  });

  var live = $('[data-live]');
  function setLive(up) {
    live.textContent = up ? T.live : T.reconnecting;
    live.dataset.state = up ? 'live' : 'down';
  }

  render(JSON.parse(root.dataset.summary));
  // EventSource reconnects by itself; the server sends the full summary on every (re)connect.
  var source = new EventSource('/api/sessions/' + encodeURIComponent(root.dataset.session) + '/events');
  source.addEventListener('open', function () {
    setLive(true);
  });
  source.addEventListener('error', function () {
    setLive(false);
  });
  source.addEventListener('summary', function (e) {
    setLive(true);
    render(JSON.parse(e.data));
  });
})();

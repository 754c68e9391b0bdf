// The one chart module: every chart on our pages is drawn here, from data a presenter built (no inline script: strict CSP).
// A canvas names its kind (data-chart-kind) and carries its data (data-chart); the dashboard draws through
// window.DrijfveerCharts. Drive colours come in the data (the model's hex); every other colour is a CSS custom
// property (--chart-… in public/css/app/), so there are no colour literals here. Numbers follow the page's locale.
(function () {
  'use strict';
  var root = document.documentElement;
  var locale = document.body.dataset.locale || undefined;
  var css = function (name) {
    return getComputedStyle(root).getPropertyValue(name).trim();
  };
  var tone = function (name) {
    return css('--chart-' + name);
  };
  // As presenters/format.ts: a value that rounds to zero is "0", never "-0" or "0,0".
  var scoreFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'negative' });
  var countFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  var format = {
    score: function (x) {
      return scoreFormat.format(x);
    },
    count: function (x) {
      return countFormat.format(x);
    },
  };

  var base = function (extra) {
    return Object.assign({ maintainAspectRatio: false, animation: false }, extra);
  };
  var noLegend = { legend: { display: false } };

  // Each maker turns a presenter's data into a chart.js configuration.
  var makers = {
    // Horizontal bars, one per drive in its colour: { label, labels, values, colours, max, step }; whole-number ticks unless a step is given.
    bar: function (d) {
      return {
        type: 'bar',
        data: { labels: d.labels, datasets: [{ label: d.label, data: d.values, backgroundColor: d.colours }] },
        options: base({
          indexAxis: 'y',
          plugins: noLegend,
          scales: { x: { min: 0, max: d.max, ticks: d.step ? { stepSize: d.step } : { precision: 0 } } },
        }),
      };
    },
    // The profile as a radar: { label, labels, values, max }.
    radar: function (d) {
      return {
        type: 'radar',
        data: {
          labels: d.labels,
          datasets: [
            {
              label: d.label,
              data: d.values,
              backgroundColor: tone('fill'),
              borderColor: tone('line'),
              pointBackgroundColor: tone('line'),
            },
          ],
        },
        options: base({ plugins: noLegend, scales: { r: { min: 0, max: d.max, ticks: { stepSize: 20 } } } }),
      };
    },
    // Two or more series side by side per drive: { labels, series: [{ label, values, tone }] }; tone names a --chart-… colour.
    pair: function (d) {
      return {
        type: 'bar',
        data: {
          labels: d.labels,
          datasets: d.series.map(function (s) {
            return { label: s.label, data: s.values, backgroundColor: tone(s.tone) };
          }),
        },
        options: base({ scales: { y: { min: 0, max: 100 } } }),
      };
    },
    // The team: mean per drive in its colour, and the range from lowest to highest: { labels, colours, mean, range }.
    team: function (d) {
      return {
        type: 'bar',
        data: {
          labels: d.labels,
          datasets: [
            { label: d.mean.label, data: d.mean.values, backgroundColor: d.colours },
            { label: d.range.label, data: d.range.values, backgroundColor: tone('range') },
          ],
        },
        options: base({
          indexAxis: 'y',
          scales: { x: { min: 0, max: 100 } },
          // Every mean bar has its drive's colour: the legend shows the mean in the neutral ink, not the first drive's colour.
          plugins: {
            legend: {
              labels: {
                generateLabels: function (chart) {
                  var items = window.Chart.defaults.plugins.legend.labels.generateLabels(chart);
                  if (items[0]) items[0].fillStyle = items[0].strokeStyle = tone('ink');
                  return items;
                },
              },
            },
          },
        }),
      };
    },
    // (The stakeholder map is server-drawn SVG: views/partials/stakeholder-map.ejs.)
  };

  /** Draws `kind` on the canvas, or updates the chart already there (the dashboard redraws on every change). */
  function draw(canvas, kind, data) {
    if (!window.Chart || !makers[kind]) return null;
    var config = makers[kind](data);
    var chart = window.Chart.getChart(canvas);
    if (chart && chart.config.type === config.type) {
      chart.data = config.data;
      chart.update('none');
      return chart;
    }
    if (chart) chart.destroy();
    return new window.Chart(canvas, config);
  }

  // One chart shown as any of several kinds (the profile: bar or radar), switched by the buttons of the
  // .chart-toggle in the same section; data: { label, <kind>: {…}, … }.
  function drawSwitchable(canvas, data) {
    var section = canvas.closest('section');
    var buttons = section.querySelectorAll('.chart-toggle button');
    // Drawn: the screen shows the canvas and its toggle instead of the server's SVG (which stays for print, see public/css/app/07-profile-and-print.css).
    if (window.Chart) section.classList.add('chart-drawn');
    function show(view) {
      draw(canvas, view, Object.assign({ label: data.label }, data[view]));
      buttons.forEach(function (b) {
        b.setAttribute('aria-pressed', String(b.dataset.view === view));
      });
    }
    buttons.forEach(function (b) {
      b.addEventListener('click', function () {
        show(b.dataset.view);
      });
    });
    show(buttons.length ? buttons[0].dataset.view : 'bar');
  }

  if (window.Chart) {
    window.Chart.defaults.locale = locale;
    // Chart texts at least 14 px on screen (axis labels, legends, tooltips): readable on a phone and a projector.
    window.Chart.defaults.font.size = 14;
  }
  document.querySelectorAll('canvas[data-chart-kind]').forEach(function (canvas) {
    var data = JSON.parse(canvas.dataset.chart);
    if (canvas.dataset.chartKind === 'switchable') drawSwitchable(canvas, data);
    else draw(canvas, canvas.dataset.chartKind, data);
  });

  // Printing: the print button, and every chart redrawn at the size the print styles give it.
  var printButton = document.querySelector('[data-print]');
  if (printButton)
    printButton.addEventListener('click', function () {
      window.print();
    });
  function resizeAll() {
    if (!window.Chart) return;
    Object.keys(window.Chart.instances).forEach(function (id) {
      window.Chart.instances[id].resize();
    });
  }
  window.matchMedia('print').addEventListener('change', resizeAll);
  window.addEventListener('afterprint', resizeAll);

  window.DrijfveerCharts = { draw: draw, format: format };
})();

// Charts for the consultant pages, drawn from data-chart attributes (no inline script: strict CSP).
(function () {
  'use strict';
  if (!window.Chart) return;
  var Chart = window.Chart;

  // Writes each point's name next to it on the stakeholder map.
  var pointLabels = {
    id: 'pointLabels',
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx;
      ctx.save();
      ctx.font = '12px system-ui, sans-serif';
      ctx.fillStyle = '#1d2330';
      chart.data.datasets.forEach(function (ds, i) {
        chart.getDatasetMeta(i).data.forEach(function (el, j) {
          ctx.fillText(ds.data[j].label, el.x + 8, el.y + 4);
        });
      });
      ctx.restore();
    }
  };

  // Axes padded by half a step, with ticks on the whole numbers only.
  function integerTicks(from, to) {
    return function (axis) {
      var ticks = [];
      for (var v = from; v <= to; v++) ticks.push({ value: v });
      axis.ticks = ticks;
    };
  }

  var makers = {
    bar: function (d) {
      return {
        type: 'bar',
        data: { labels: d.labels, datasets: [{ label: d.label, data: d.values, backgroundColor: d.colours }] },
        options: { indexAxis: 'y', maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } }, scales: { x: { min: 0, max: d.max, ticks: { precision: 0 } } } }
      };
    },
    pair: function (d) {
      return {
        type: 'bar',
        data: { labels: d.labels, datasets: [
          { label: d.a.label, data: d.a.values, backgroundColor: '#8a8f99' },
          { label: d.b.label, data: d.b.values, backgroundColor: '#1f5fa8' }
        ] },
        options: { maintainAspectRatio: false, animation: false, scales: { y: { min: 0, max: 100 } } }
      };
    },
    scatter: function (d) {
      // A small fixed offset keeps stakeholders with the same position apart.
      var seen = {};
      var points = d.points.map(function (p) {
        var key = p.x + ',' + p.y;
        var n = seen[key] = (seen[key] || 0) + 1;
        return { x: p.x + (n - 1) * 0.12, y: p.y - (n - 1) * 0.12, label: p.label };
      });
      return {
        type: 'scatter',
        data: { datasets: [{ data: points, pointRadius: 8, pointHoverRadius: 10, backgroundColor: d.points.map(function (p) { return p.colour; }) }] },
        options: {
          maintainAspectRatio: false, animation: false,
          plugins: { legend: { display: false }, tooltip: { callbacks: { label: function (c) { return c.raw.label; } } } },
          scales: {
            x: { min: -2.5, max: 2.5, title: { display: true, text: d.xLabel }, afterBuildTicks: integerTicks(-2, 2) },
            y: { min: 0.5, max: 5.5, title: { display: true, text: d.yLabel }, afterBuildTicks: integerTicks(1, 5) }
          }
        },
        plugins: [pointLabels]
      };
    }
  };

  document.querySelectorAll('canvas[data-chart-kind]').forEach(function (canvas) {
    var make = makers[canvas.dataset.chartKind];
    if (make) new Chart(canvas, make(JSON.parse(canvas.dataset.chart)));
  });
})();

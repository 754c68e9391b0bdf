// Draws the profile chart from the data-chart attribute (no inline script: strict CSP).
(function () {
  'use strict';
  var canvas = document.getElementById('profile-chart');
  var printButton = document.querySelector('[data-print]');
  if (printButton) printButton.addEventListener('click', function () { window.print(); });
  if (!canvas || !window.Chart) return;
  var data = JSON.parse(canvas.dataset.chart);
  var chart = null;

  function draw(view) {
    if (chart) chart.destroy();
    var radar = view === 'radar';
    chart = new window.Chart(canvas, {
      type: radar ? 'radar' : 'bar',
      data: radar
        ? { labels: data.radar.labels, datasets: [{ label: data.label, data: data.radar.values, backgroundColor: 'rgba(31,95,168,0.2)', borderColor: '#1f5fa8', pointBackgroundColor: '#1f5fa8' }] }
        : { labels: data.bar.labels, datasets: [{ label: data.label, data: data.bar.values, backgroundColor: data.bar.colours }] },
      options: {
        indexAxis: radar ? 'x' : 'y',
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false } },
        scales: radar ? { r: { min: 0, max: 100, ticks: { stepSize: 20 } } } : { x: { min: 0, max: 100 } }
      }
    });
    document.querySelectorAll('.chart-toggle button').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.dataset.view === view));
    });
  }
  document.querySelectorAll('.chart-toggle button').forEach(function (b) {
    b.addEventListener('click', function () { draw(b.dataset.view); });
  });
  draw('bar');
})();

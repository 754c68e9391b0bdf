// The team report's print button: the page is complete without JavaScript (the browser's own print works), so the
// button only appears when this script runs.
(function () {
  'use strict';
  var button = document.querySelector('[data-print]');
  if (!button) return;
  button.hidden = false;
  button.addEventListener('click', function () {
    window.print();
  });
})();

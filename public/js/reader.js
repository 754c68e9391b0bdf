// The drive reader's answer: after posting, the page opens at #reading (the form's action), which scrolls there even without
// JavaScript. Here focus follows, so a keyboard or screen-reader user continues at the answer's heading instead of the page top.
(function () {
  'use strict';
  var heading = document.querySelector('#reading > h2, #reading > h3');
  if (!heading) return;
  heading.focus({ preventScroll: true });
  heading.scrollIntoView({ block: 'start' });
})();

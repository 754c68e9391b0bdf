// "Kopieer link" next to the private link on the profile: the button exists only when this script runs (without it, the link
// is a readonly field to select). Copies with the Clipboard API; where that is missing or refused (an insecure origin, a
// denied permission), the link is selected so that Ctrl+C or the phone's menu copies it, and the status says so.
(function () {
  'use strict';
  document.querySelectorAll('[data-copy-link]').forEach(function (box) {
    var field = box.querySelector('[data-copy-source]');
    var button = box.querySelector('[data-copy]');
    var status = box.querySelector('[data-copy-status]');
    if (!field || !button || !status) return;

    function selectLink() {
      field.focus();
      field.select();
      status.textContent = status.dataset.select;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      // Cleared first, so that a second copy is announced again by screen readers.
      status.textContent = '';
      if (!navigator.clipboard || !window.isSecureContext) return selectLink();
      navigator.clipboard.writeText(field.value).then(function () {
        status.textContent = status.dataset.copied;
      }, selectLink);
    });
    // A click in the field selects the whole link at once.
    field.addEventListener('focus', function () {
      field.select();
    });
  });
})();

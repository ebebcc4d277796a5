// The video page's Delete button: asks for confirmation in the page itself, then posts the
// form as confirmed. Without JavaScript the same form leads to a confirmation page instead.
(function () {
  'use strict';
  var form = document.querySelector('form[data-confirm]');
  if (!form) {
    return;
  }
  form.addEventListener('submit', function (event) {
    if (!window.confirm(form.dataset.confirm)) {
      event.preventDefault();
      return;
    }
    form.elements.confirmed.value = 'yes';
  });
})();

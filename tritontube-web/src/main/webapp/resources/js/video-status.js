// While a video is processing: polls its JSON status every second, moves the progress bar,
// and reloads the page once the video is ready or has failed, to show the player or the reason.
(function () {
  'use strict';
  var section = document.querySelector('[data-status-url]');
  if (!section) {
    return;
  }
  var url = section.dataset.statusUrl;
  var bar = document.getElementById('progress');
  var text = document.getElementById('progress-text');
  var badge = document.getElementById('status-badge');
  var INTERVAL_MS = 1000;

  function show(progress) {
    bar.value = progress;
    bar.textContent = progress + '%';
    text.textContent = progress + '%';
    badge.textContent = 'Processing ' + progress + '%';
  }

  function poll() {
    fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then(function (response) {
        if (response.status === 404) {
          // The video is gone: the reloaded page says so.
          window.location.reload();
          return null;
        }
        if (!response.ok) {
          throw new Error('status ' + response.status);
        }
        return response.json();
      })
      .then(function (video) {
        if (video === null) {
          return;
        }
        if (video.status !== 'processing') {
          window.location.reload();
          return;
        }
        show(video.progress);
        window.setTimeout(poll, INTERVAL_MS);
      })
      .catch(function (error) {
        // A dropped connection or a restarting server: say so, and keep trying.
        text.textContent = 'waiting for the server (' + error.message + ')';
        window.setTimeout(poll, INTERVAL_MS);
      });
  }

  window.setTimeout(poll, INTERVAL_MS);
})();

// The index page's upload form, enhanced: the file goes to /api/uploads in resumable chunks
// (the tus protocol, by tus-js-client) with a progress bar, and the page then opens the new
// video's page. A dropped connection is retried with growing pauses, each resuming where the
// server says the upload stopped; and choosing the same file again later (even after
// reloading the page) resumes it too, since tus-js-client remembers the upload's URL in
// localStorage under the file's name, type, size and modification time.
// Without JavaScript, or in a browser tus-js-client cannot serve, the form posts as it is.
(function () {
  'use strict';
  var form = document.getElementById('upload-form');
  if (!form || !window.tus || !window.tus.isSupported) {
    return;
  }
  var input = form.elements.file;
  var button = document.getElementById('upload-button');
  var panel = document.getElementById('upload-progress');
  var label = document.getElementById('upload-label');
  var bar = document.getElementById('upload-bar');
  var text = document.getElementById('upload-text');
  var errorBox = document.getElementById('upload-error');
  // Pauses before each new attempt after a network failure: about four minutes in all.
  var RETRY_DELAYS = [0, 1000, 3000, 5000, 10000, 20000, 30000, 60000, 60000, 60000];
  var UNITS = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];

  form.addEventListener('submit', function (event) {
    var file = input.files && input.files[0];
    if (!file) {
      return; // the browser's own "required" message
    }
    event.preventDefault();
    send(file);
  });

  function send(file) {
    showError(null);
    setBusy(true);
    label.textContent = 'Uploading ' + file.name;
    showProgress(0, file.size);
    var upload = new window.tus.Upload(file, {
      endpoint: form.dataset.resumableEndpoint,
      chunkSize: Number(form.dataset.chunkBytes),
      retryDelays: RETRY_DELAYS,
      metadata: { filename: file.name, filetype: file.type },
      removeFingerprintOnSuccess: true,
      onProgress: showProgress,
      onShouldRetry: shouldRetry,
      onSuccess: function (payload) {
        text.textContent = 'Uploaded. Opening the video’s page…';
        window.location.assign(payload.lastResponse.getHeader('TritonTube-Video-Page'));
      },
      onError: function (error) {
        setBusy(false);
        showError(messageOf(error));
      }
    });
    upload.findPreviousUploads().then(function (previous) {
      if (previous.length > 0) {
        upload.resumeFromPreviousUpload(previous[0]);
        text.textContent = 'Resuming the earlier upload of this file…';
      }
      upload.start();
    });
  }

  // Only failures that a new attempt can mend: no answer at all (the network), an upload busy
  // with a request that is still being cut off (423), a chunk sent from a stale offset (409),
  // or a proxy between us and the server. Refusals (400, 409 at creation, 413, 429) are final.
  function shouldRetry(error, attempt) {
    var status = error.originalResponse ? error.originalResponse.getStatus() : 0;
    var method = error.originalRequest ? error.originalRequest.getMethod() : '';
    var retry = status === 0 || status === 423 || (status === 409 && method === 'PATCH')
      || (status >= 502 && status <= 504);
    if (retry) {
      var seconds = Math.round(RETRY_DELAYS[attempt] / 1000);
      text.textContent = 'Connection lost at ' + bar.value + '%. '
        + (seconds > 0 ? 'Resuming in ' + seconds + ' s…' : 'Resuming…');
    }
    return retry;
  }

  function showProgress(sent, total) {
    var percent = total > 0 ? Math.floor(sent * 100 / total) : 0;
    bar.value = percent;
    bar.textContent = percent + '%';
    text.textContent = percent + '% (' + describe(sent) + ' of ' + describe(total) + ')';
  }

  function setBusy(busy) {
    panel.hidden = false;
    button.disabled = busy;
    input.disabled = busy;
  }

  function showError(message) {
    errorBox.hidden = message === null;
    errorBox.textContent = message || '';
  }

  // The server's own words when it refused ({"error": "..."}), else what went wrong in transit.
  function messageOf(error) {
    var response = error.originalResponse;
    if (response && response.getBody()) {
      try {
        return 'The upload was refused: ' + JSON.parse(response.getBody()).error + '.';
      } catch (notJson) {
        // Not one of ours (a proxy's page, say): fall through to the generic message.
      }
    }
    return 'The upload stopped: the server could not be reached. Choose Upload again to resume where it stopped.';
  }

  function describe(bytes) {
    var value = bytes;
    var unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return (unit === 0 ? value : value.toFixed(1)) + ' ' + UNITS[unit];
  }
})();

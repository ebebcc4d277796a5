// Starts dash.js on the video page's player; the manifest URL is in data-manifest.
(function () {
  'use strict';
  var video = document.querySelector('video[data-manifest]');
  if (!video || !window.dashjs) {
    return;
  }
  var player = window.dashjs.MediaPlayer().create();
  player.initialize(video, video.dataset.manifest, false);
})();

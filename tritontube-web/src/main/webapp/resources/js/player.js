// The video page's player. dash.js plays the DASH manifest (data-manifest) with adaptive
// quality, and the Quality menu lets the viewer pin one rendition (automatic switching off)
// or go back to Auto. Apple's browsers play the HLS playlist (data-hls) natively instead:
// that is their best player (AirPlay, battery), and it adapts by itself. Chromium also says
// it can play HLS, but dash.js gives it the quality menu, so it plays DASH wherever
// MediaSource exists.
// A remuxed video is ready with its own resolution only; its lower rungs join the manifest a
// little later. dash.js reads a static manifest once, so the menu of a page opened before then
// stays as it is, and a page opened after (the manifest is cached for at most 10 s) offers them.
(function () {
  'use strict';
  var video = document.getElementById('player');
  if (!video) {
    return;
  }
  var controls = document.getElementById('player-controls');
  var menu = document.getElementById('quality');
  var playing = document.getElementById('quality-now');
  var AUTO = 'auto';

  if (playsHlsNatively()) {
    video.src = video.dataset.hls;
  } else if (window.dashjs) {
    playDash();
  }

  function playsHlsNatively() {
    return Boolean(video.dataset.hls) && video.canPlayType('application/vnd.apple.mpegurl') !== ''
      && (!window.MediaSource || /^Apple/.test(navigator.vendor || ''));
  }

  function playDash() {
    var events = window.dashjs.MediaPlayer.events;
    var player = window.dashjs.MediaPlayer().create();
    player.initialize(video, video.dataset.manifest, false);
    player.on(events.STREAM_INITIALIZED, function () {
      offerQualities(player, player.getRepresentationsByType('video'));
    });
    player.on(events.QUALITY_CHANGE_RENDERED, function (event) {
      if (event.mediaType === 'video') {
        playing.textContent = 'Playing ' + nameOf(event.newRepresentation);
      }
    });
    menu.addEventListener('change', function () {
      var automatic = menu.value === AUTO;
      player.updateSettings({ streaming: { abr: { autoSwitchBitrate: { video: automatic } } } });
      if (!automatic) {
        player.setRepresentationForTypeById('video', menu.value, true);
      }
    });
  }

  // One entry per video rendition, largest first, after Auto; no menu when there is nothing to choose.
  function offerQualities(player, representations) {
    var largestFirst = representations.slice().sort(function (a, b) {
      return b.height - a.height || b.bandwidth - a.bandwidth;
    });
    largestFirst.forEach(function (representation) {
      menu.add(new Option(nameOf(representation), representation.id));
    });
    var current = player.getCurrentRepresentationForType('video');
    if (current) {
      playing.textContent = 'Playing ' + nameOf(current);
    }
    controls.hidden = representations.length < 2;
  }

  // "720p", by the picture's short side, which is what people call a resolution.
  function nameOf(representation) {
    return Math.min(representation.width, representation.height) + 'p';
  }
})();

/**
 * {@code GET /content/<id>/<file>}: the packaged files of ready videos (DASH manifest, HLS
 * playlists, segments, stills), from an in-memory cache of recently served files within a
 * byte budget or streamed from the content store, with HTTP caching (ETag, Cache-Control, 304)
 * and single byte ranges (206, 416). The header rules and the cache are small pure classes.
 */
package io.tritontube.web.interfaces.web.content;

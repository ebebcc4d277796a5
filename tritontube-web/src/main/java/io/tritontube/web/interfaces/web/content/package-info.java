/**
 * {@code GET /content/<id>/<file>}: the packaged files of ready videos, streamed from the
 * content store with HTTP caching (ETag, Cache-Control, 304) and single byte ranges (206,
 * 416). The header rules are small pure classes.
 */
package io.tritontube.web.interfaces.web.content;

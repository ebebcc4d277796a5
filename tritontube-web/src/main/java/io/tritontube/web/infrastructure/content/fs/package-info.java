/**
 * Packaged files in a local directory, {@code DIR/<videoId>/<filename>} (the reference's
 * layout): the default for a single web server, and the reference's {@code fs DIR} kind.
 */
package io.tritontube.web.infrastructure.content.fs;

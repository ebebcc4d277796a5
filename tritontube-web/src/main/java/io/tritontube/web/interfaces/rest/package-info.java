/**
 * The JSON API under {@code /api}: the video list and each video's status, for scripts and
 * for the video page's own polling. Errors are JSON too: {@code {"status": 404, "error": "..."}}.
 */
package io.tritontube.web.interfaces.rest;

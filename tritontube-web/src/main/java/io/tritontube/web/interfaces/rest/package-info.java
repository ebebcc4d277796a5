/**
 * The JSON API under {@code /api}: the video list (with search) and each video's status, for
 * scripts and for the video page's own polling, and the deletion of a video. Errors are JSON
 * too: {@code {"status": 404, "error": "..."}}. The resumable uploads, {@code /api/uploads},
 * are in {@code tus}.
 */
package io.tritontube.web.interfaces.rest;

/**
 * {@code POST /upload}: the multipart endpoint, registered at start-up so that its size limit
 * and spool directory come from the settings; and what it shares with the resumable uploads
 * of {@code interfaces.rest.tus}: the hand-over to the application with one mapping of
 * refusals to HTTP statuses and messages ({@link io.tritontube.web.interfaces.web.upload.UploadIntake}),
 * and the per-client rate limit ({@link io.tritontube.web.interfaces.web.upload.UploadThrottle}).
 */
package io.tritontube.web.interfaces.web.upload;

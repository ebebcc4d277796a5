/**
 * Resumable uploads at {@code /api/uploads}, by the tus protocol 1.0.0 (core, with the
 * creation, expiration and termination extensions): chunks are appended to a file on disk
 * under {@code <data.dir>/uploads/<uuid>/}, and a dropped connection costs only the chunk in
 * flight. The checks are those of the form's upload, made as early as possible: name, size
 * and a taken id at creation, the MP4 signature when the first bytes arrive, and the whole
 * of {@link io.tritontube.web.application.UploadService#accept} when the last byte does.
 */
package io.tritontube.web.interfaces.rest.tus;

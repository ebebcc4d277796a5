/**
 * The use cases: accepting an upload ({@link io.tritontube.web.application.UploadService}) and
 * processing it in the background ({@link io.tritontube.web.application.VideoProcessingService}:
 * package as DASH, publish every file in parallel, record the outcome), deleting a video
 * ({@link io.tritontube.web.application.VideoDeletion}), plus the recovery of uploads that a
 * restart interrupted. Depends on the domain and on the ports of
 * {@code application.media}, never on a concrete store or tool.
 */
package io.tritontube.web.application;

/**
 * The use cases: accepting an upload ({@link io.tritontube.web.application.UploadService}) and
 * processing it in the background ({@link io.tritontube.web.application.VideoProcessingService}:
 * package as DASH, publish every file in parallel, record the outcome, then give a remuxed
 * video its lower rungs with {@link io.tritontube.web.application.LowerRungs}), deleting a video
 * ({@link io.tritontube.web.application.VideoDeletion}), plus the recovery, on every server, of
 * uploads whose processing server died or restarted
 * ({@link io.tritontube.web.application.InterruptedProcessingRecovery}, told apart by the
 * servers' processing claims). Depends on the domain and on the ports of
 * {@code application.media}, never on a concrete store or tool.
 */
package io.tritontube.web.application;

package io.tritontube.web.application.media;

import io.tritontube.web.domain.video.Packaging;
import java.util.List;
import java.util.Objects;

/**
 * What packaging will make of one upload.
 *
 * @param media      what inspecting the upload found
 * @param packaging  copy the streams as they are, or re-encode
 * @param renditions the video renditions, largest first: one copied stream for
 *                   {@link Packaging#REMUX}, the ladder for {@link Packaging#TRANSCODE}
 * @param reason     why this path, in words for the log: "its video is mpeg4, not H.264"
 */
public record PackagingPlan(MediaInfo media, Packaging packaging, List<Rendition> renditions, String reason) {

    public PackagingPlan {
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(packaging, "packaging");
        Objects.requireNonNull(reason, "reason");
        renditions = List.copyOf(renditions);
        if (renditions.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one rendition");
        }
        if (packaging == Packaging.REMUX && (renditions.size() != 1 || !renditions.get(0).isCopy())) {
            throw new IllegalArgumentException("a remux copies exactly one video stream");
        }
    }

    /** The renditions as the video's metadata lists them, {@code "1280x720"}, largest first. */
    public List<String> resolutions() {
        return renditions.stream().map(Rendition::resolution).toList();
    }
}

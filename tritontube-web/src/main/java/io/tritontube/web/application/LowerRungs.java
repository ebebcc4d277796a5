package io.tritontube.web.application;

import io.tritontube.web.application.media.PackagingException;
import io.tritontube.web.application.media.PackagingPlan;
import io.tritontube.web.application.media.PackagingPlanner;
import io.tritontube.web.application.media.Rendition;
import io.tritontube.web.application.media.RungEncoder;
import io.tritontube.web.domain.content.ContentFileName;
import io.tritontube.web.domain.content.ContentKey;
import io.tritontube.web.domain.content.ContentStore;
import io.tritontube.web.domain.content.PackagedFiles;
import io.tritontube.web.domain.video.Packaging;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoFormat;
import io.tritontube.web.domain.video.VideoId;
import io.tritontube.web.domain.video.VideoRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Gives a remuxed video its lower rungs after it is ready, in the background: encodes them
 * ({@link RungEncoder}), stores their files, then replaces the manifest and the HLS master
 * playlist with ones that list them, and adds them to the video's renditions.
 *
 * <p>The video stays ready and playable throughout: a failure is logged with the video's id
 * and leaves it with its copied rendition, never failed. New files are stored before the
 * manifest and playlist that name them, each of which the store replaces atomically, so a
 * viewer always gets a consistent presentation. A video deleted meanwhile (or deleted and
 * uploaded again under its id) is left alone: checked before encoding, before storing, before the
 * manifest is replaced and after; if it was deleted while files were stored they are removed again, as
 * {@link VideoProcessor} does.
 */
final class LowerRungs {

    private static final Logger LOG = Logger.getLogger(LowerRungs.class.getName());

    private final VideoRepository videos;
    private final ContentStore content;
    private final RungEncoder encoder;
    private final ContentPublisher publisher;
    private final WorkArea workArea;
    private final Executor executor;

    /** @param executor runs the encodes, one at a time, apart from the uploads' own processing */
    LowerRungs(VideoRepository videos, ContentStore content, RungEncoder encoder, ContentPublisher publisher,
               WorkArea workArea, Executor executor) {
        this.videos = videos;
        this.content = content;
        this.encoder = encoder;
        this.publisher = publisher;
        this.workArea = workArea;
        this.executor = executor;
    }

    /**
     * Queues the lower rungs of a video that has just become ready, when its plan calls for any
     * (a remux of a source of 432p or more).
     *
     * @param uploadFile        the upload; the queued job removes it when done
     * @param packagedDirectory the packaged presentation; the queued job removes it when done
     * @return whether a job was queued and took over the two paths; if not, the caller removes them
     */
    boolean offer(Video ready, PackagingPlan plan, Path uploadFile, Path packagedDirectory) {
        if (plan.packaging() != Packaging.REMUX) {
            return false;
        }
        List<Rendition> rungs = PackagingPlanner.lowerRungs(plan.media().video().orElseThrow());
        if (rungs.isEmpty()) {
            return false;
        }
        try {
            executor.execute(() -> add(ready, rungs, uploadFile, packagedDirectory));
            return true;
        } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, "video " + ready.id() + " keeps its single rendition: the server is stopping", e);
            return false;
        }
    }

    /** Adds {@code rungs} to the ready video, then removes the two paths whatever happens. */
    private void add(Video ready, List<Rendition> rungs, Path uploadFile, Path packagedDirectory) {
        VideoId id = ready.id();
        Path output = null;
        try {
            if (stillThere(ready).isEmpty()) {
                LOG.log(Level.INFO, "video {0} went before its lower renditions were made", id);
                return;
            }
            output = workArea.newOutputDirectory();
            encoder.addRungs(uploadFile, rungs, packagedDirectory, output);
            publish(ready, rungs, output);
        } catch (PackagingException | IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "video " + id + " keeps its single rendition: adding "
                    + rungs.stream().map(Rendition::resolution).toList() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.log(Level.WARNING, "video {0} keeps its single rendition: the server is stopping", id);
        } finally {
            for (Path leftover : new Path[] {uploadFile, packagedDirectory, output}) {
                WorkArea.removeLeftover(id, leftover);
            }
        }
    }

    /** The new segments and media playlists first, then the manifest and master playlist that name them. */
    private void publish(Video ready, List<Rendition> rungs, Path output) throws IOException, InterruptedException {
        List<ContentFileName> indexes = List.of(PackagedFiles.MANIFEST, PackagedFiles.HLS_MASTER);
        List<Path> newFiles;
        try (Stream<Path> listing = Files.list(output)) {
            newFiles = listing.filter(Files::isRegularFile)
                    .filter(file -> indexes.stream().noneMatch(index -> file.endsWith(index.value())))
                    .sorted().toList();
        }
        if (stillThere(ready).isEmpty()) {
            LOG.log(Level.INFO, "video {0} went while its lower renditions were made: they are dropped", ready.id());
            return;
        }
        publisher.publish(ready.id(), newFiles, fraction -> { });
        if (stillThere(ready).isEmpty()) {
            removeFilesUnlessReplaced(ready.id());
            return;
        }
        for (ContentFileName index : indexes) {
            Path rewritten = output.resolve(index.value());
            if (Files.isRegularFile(rewritten)) {
                content.put(new ContentKey(ready.id(), index), rewritten);
            }
        }
        // A delete that ran while the manifest was replaced may have removed the files before it was stored.
        Optional<Video> current = stillThere(ready);
        if (current.isEmpty()) {
            removeFilesUnlessReplaced(ready.id());
            return;
        }
        VideoFormat format = withRungs(current.get().format(), rungs);
        videos.update(current.get().withFormat(format));
        LOG.log(Level.INFO, "video {0} now plays in {1}", new Object[] {ready.id(), format.renditions()});
    }

    /** The format's renditions, largest first, followed by the rungs (which are smaller). */
    static VideoFormat withRungs(VideoFormat format, List<Rendition> rungs) {
        List<String> renditions = new ArrayList<>(format.renditions());
        rungs.stream().map(Rendition::resolution).filter(rung -> !renditions.contains(rung)).forEach(renditions::add);
        return format.packagedAs(format.packaging().orElse(Packaging.REMUX), renditions);
    }

    /** The same video record, if it still exists: not deleted, nor replaced by a new upload under its id. */
    private Optional<Video> stillThere(Video ready) {
        return videos.find(ready.id()).filter(video -> video.uploadedAt().equals(ready.uploadedAt()));
    }

    /**
     * Removes what this job stored for a video deleted meanwhile; a new upload under the same
     * id owns the files now and is left alone.
     */
    private void removeFilesUnlessReplaced(VideoId id) {
        if (videos.find(id).isPresent()) {
            LOG.log(Level.INFO, "video {0} was uploaded again while its lower renditions were made: they are dropped", id);
            return;
        }
        LOG.log(Level.INFO, "video {0} was deleted while its lower renditions were made: they are dropped", id);
        try {
            content.deleteVideo(id);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "could not remove the stored files of deleted video " + id, e);
        }
    }
}

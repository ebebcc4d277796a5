package io.tritontube.web.application.cluster;

import io.tritontube.web.domain.video.InvalidVideoIdException;
import io.tritontube.web.domain.video.VideoId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One repair pass's answers to "does this video still have a metadata record?", asked for
 * every file listed.
 *
 * <p>"Yes" and "cannot tell" are remembered for the pass, so a video of hundreds of segments
 * costs one lookup, and an unreachable metadata store is not asked again for every file. "No"
 * is asked afresh each time: files are deleted on that answer, and a video uploaded again
 * under the same id meanwhile must be seen. The answer is used at once, and an upload records
 * its video long before its first file is stored (packaging takes seconds), so the new upload's
 * files cannot be the ones deleted.
 */
final class RecordVerdicts {

    enum Verdict {
        /** The video has a record: its files are repaired. */
        RECORDED,
        /** No record: the files are left over from a delete and are deleted. */
        NO_RECORD,
        /** The lookup failed or the id is not a valid one: the files are left as they are this pass. */
        UNKNOWN
    }

    private static final Logger LOG = Logger.getLogger(RecordVerdicts.class.getName());

    private final VideoRecords records;
    private final Map<String, Verdict> remembered = new ConcurrentHashMap<>();

    RecordVerdicts(VideoRecords records) {
        this.records = records;
    }

    Verdict of(String videoId) {
        Verdict known = remembered.get(videoId);
        if (known != null) {
            return known;
        }
        Verdict found = lookUp(videoId);
        if (found != Verdict.NO_RECORD) {
            remembered.put(videoId, found);
        }
        return found;
    }

    private Verdict lookUp(String videoId) {
        try {
            return records.exists(VideoId.of(videoId)) ? Verdict.RECORDED : Verdict.NO_RECORD;
        } catch (InvalidVideoIdException e) {
            LOG.log(Level.WARNING, "Storage holds files under ''{0}'', which is not a valid video id ({1}); "
                    + "the repair pass leaves them alone", new Object[] {videoId, e.getMessage()});
            return Verdict.UNKNOWN;
        } catch (RuntimeException e) {
            // Above all not "no record": that would delete the files of a video that exists.
            LOG.log(Level.WARNING, "Cannot tell whether video {0} still has a metadata record ({1}); the repair pass "
                    + "leaves its files as they are until the next pass", new Object[] {videoId, e.getMessage()});
            return Verdict.UNKNOWN;
        }
    }
}

package io.tritontube.web.infrastructure.persistence.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import io.tritontube.web.domain.video.IdSearch;
import io.tritontube.web.domain.video.MetadataUnavailableException;
import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoAlreadyExistsException;
import io.tritontube.web.domain.video.VideoId;
import io.tritontube.web.domain.video.VideoRepository;
import io.tritontube.web.domain.video.VideoSlice;
import io.tritontube.web.domain.video.VideoStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Video metadata in etcd, shared by every web server of the cluster. The key layout is in
 * {@link VideoKeys} and docs/etcd-keys.md.
 *
 * <ul>
 *   <li>create is one transaction that writes the record and its index entry only if the record
 *       has never been created ({@code create_revision == 0}): of concurrent creates exactly one
 *       wins.</li>
 *   <li>a listing page is one range read of at most {@value #MAX_PAGE} index keys, then one
 *       transaction reading their records: memory stays bounded whatever the catalogue's size.</li>
 *   <li>when etcd cannot answer (quorum lost), {@link #find} answers from a cache of the ready
 *       videos read before, so they keep playing; everything else throws
 *       {@link MetadataUnavailableException}, which the web maps to 503.</li>
 * </ul>
 * Thread-safe. Closing it leaves the shared {@link EtcdConnection} open.
 */
public final class EtcdVideoRepository implements VideoRepository {

    /** etcd refuses transactions of more than 128 operations (--max-txn-ops); a page stays under it. */
    static final int MAX_PAGE = 100;

    /** Index keys one range read of a search fetches. */
    static final int SEARCH_BATCH = 1000;

    /** The most index keys one page of a search scans; see {@link #searchNewestFirst}. */
    static final int MAX_SCANNED_PER_PAGE = 10_000;

    /** Deletes and creates racing could in theory keep replacing the record; a few rounds settle any real race. */
    private static final int DELETE_ATTEMPTS = 3;

    /** A processing video's record changes about once a second (progress): a few rounds win any real race. */
    private static final int CONDITIONAL_UPDATE_ATTEMPTS = 5;

    private static final Logger LOG = Logger.getLogger(EtcdVideoRepository.class.getName());
    private static final ByteSequence EMPTY_ENTRY = ByteSequence.EMPTY;

    private final EtcdConnection etcd;
    private final VideoKeys keys;
    private final ReadyVideoCache readyVideos = new ReadyVideoCache(ReadyVideoCache.DEFAULT_CAPACITY);

    /** Keeps videos under {@code /tritontube/}. */
    public EtcdVideoRepository(EtcdConnection etcd) {
        this(etcd, EtcdKeyspace.DEFAULT_PREFIX);
    }

    /** Keeps videos under {@code keyPrefix}, for example {@code /tritontube/}. */
    public EtcdVideoRepository(EtcdConnection etcd, String keyPrefix) {
        this.etcd = etcd;
        this.keys = new VideoKeys(new EtcdKeyspace(keyPrefix));
    }

    /**
     * One transaction: record and index entry, only if the id was never taken. It may be sent
     * twice (see {@link EtcdConnection}); a second attempt that finds exactly this record, with
     * the same upload instant, knows that the first one landed.
     */
    @Override
    public void create(Video video) throws VideoAlreadyExistsException {
        ByteSequence record = keys.record(video.id());
        ByteSequence value = JsonValues.bytes(VideoJson.toJson(video));
        TxnResponse created = etcd.await(() -> kv().txn()
                .If(new Cmp(record, Cmp.Op.EQUAL, CmpTarget.createRevision(0)))
                .Then(Op.put(record, value, PutOption.DEFAULT),
                        Op.put(keys.newestFirstEntry(video), EMPTY_ENTRY, PutOption.DEFAULT))
                .Else(Op.get(record, GetOption.DEFAULT))
                .commit(), "create video '" + video.id() + "'");
        if (!created.isSucceeded() && !storedValue(created).equals(Optional.of(value))) {
            throw new VideoAlreadyExistsException(video.id());
        }
        readyVideos.remember(video);
    }

    @Override
    public Optional<Video> find(VideoId id) {
        Optional<Video> cached = readyVideos.find(id);
        if (cached.isPresent() && etcd.isRecentlyFailing()) {
            // etcd just failed: do not make every request of a playing video wait for the timeout.
            return cached;
        }
        try {
            GetResponse response = etcd.await(() -> kv().get(keys.record(id)), "read video '" + id + "'");
            Optional<Video> found = response.getKvs().stream().findFirst().map(EtcdVideoRepository::videoOf);
            found.ifPresentOrElse(readyVideos::remember, () -> readyVideos.forget(id));
            return found;
        } catch (MetadataUnavailableException e) {
            if (cached.isEmpty()) {
                throw e;
            }
            LOG.log(Level.FINE, "answering for ready video '" + id + "' from the cache: " + e.getMessage(), e);
            return cached;
        }
    }

    /**
     * Replaces the record if the video still exists. An update of a deleted video (its
     * processing finished after the delete) changes nothing: it must not bring the video back.
     */
    @Override
    public void update(Video video) {
        ByteSequence record = keys.record(video.id());
        TxnResponse updated = etcd.await(() -> kv().txn()
                .If(new Cmp(record, Cmp.Op.GREATER, CmpTarget.createRevision(0)))
                .Then(Op.put(record, JsonValues.bytes(VideoJson.toJson(video)), PutOption.DEFAULT))
                .commit(), "update video '" + video.id() + "'");
        if (updated.isSucceeded()) {
            readyVideos.remember(video);
        } else {
            readyVideos.forget(video.id());
            LOG.info(() -> "ignored an update of video '" + video.id() + "' to " + video.status().label()
                    + ": it was deleted");
        }
    }

    /**
     * etcd cannot compare inside a JSON value, so this reads the record and replaces it only if
     * it is still that revision ({@code mod_revision}), reading again when another write came
     * between. A re-sent attempt (see {@link EtcdConnection}) that finds exactly {@code video}
     * stored knows that its first attempt landed.
     */
    @Override
    public boolean updateIfProcessing(Video video) {
        ByteSequence record = keys.record(video.id());
        ByteSequence value = JsonValues.bytes(VideoJson.toJson(video));
        for (int attempt = 1; attempt <= CONDITIONAL_UPDATE_ATTEMPTS; attempt++) {
            GetResponse current = etcd.await(() -> kv().get(record), "read video '" + video.id() + "' to update it");
            if (current.getKvs().isEmpty()) {
                readyVideos.forget(video.id());
                return false;
            }
            KeyValue stored = current.getKvs().get(0);
            if (stored.getValue().equals(value)) {
                return true;
            }
            if (videoOf(stored).status() != VideoStatus.PROCESSING) {
                return false;
            }
            TxnResponse replaced = etcd.await(() -> kv().txn()
                    .If(new Cmp(record, Cmp.Op.EQUAL, CmpTarget.modRevision(stored.getModRevision())))
                    .Then(Op.put(record, value, PutOption.DEFAULT))
                    .commit(), "update processing video '" + video.id() + "'");
            if (replaced.isSucceeded()) {
                readyVideos.remember(video);
                return true;
            }
        }
        throw new MetadataUnavailableException("video '" + video.id() + "' changed during each of "
                + CONDITIONAL_UPDATE_ATTEMPTS + " attempts to update it; try again", null);
    }

    /**
     * Removes the record and its index entry together, or neither. True when the video that
     * existed at the call is gone at its return, whether this call or a concurrent delete (or
     * this call's own first attempt, see {@link EtcdConnection}) removed it.
     */
    @Override
    public boolean delete(VideoId id) {
        ByteSequence record = keys.record(id);
        for (int attempt = 1; attempt <= DELETE_ATTEMPTS; attempt++) {
            GetResponse current = etcd.await(() -> kv().get(record), "read video '" + id + "' to delete it");
            if (current.getKvs().isEmpty()) {
                readyVideos.forget(id);
                return false;
            }
            KeyValue stored = current.getKvs().get(0);
            // The index entry is derived from the record read: delete both only if that record is still the one stored.
            TxnResponse deleted = etcd.await(() -> kv().txn()
                    .If(new Cmp(record, Cmp.Op.EQUAL, CmpTarget.createRevision(stored.getCreateRevision())))
                    .Then(Op.delete(record, DeleteOption.DEFAULT),
                            Op.delete(keys.newestFirstEntry(videoOf(stored)), DeleteOption.DEFAULT))
                    .Else(Op.get(record, GetOption.DEFAULT))
                    .commit(), "delete video '" + id + "'");
            if (deleted.isSucceeded() || storedValue(deleted).isEmpty()) {
                readyVideos.forget(id);
                return true;
            }
        }
        throw new MetadataUnavailableException("video '" + id + "' was deleted and created again during each of "
                + DELETE_ATTEMPTS + " attempts to delete it; try again", null);
    }

    /**
     * Newest first. A page holds at most {@value #MAX_PAGE} videos whatever {@code limit} asks;
     * a video deleted between the index read and the record read is left out of its page.
     */
    @Override
    public VideoSlice listNewestFirst(Optional<String> pageToken, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        ByteSequence from = pageToken.map(keys::firstKeyAfter).orElseGet(keys::newestFirstStart);
        GetResponse index = readIndex(from, Math.min(limit, MAX_PAGE), "list videos");
        List<KeyValue> entries = index.getKvs();
        if (entries.isEmpty()) {
            return new VideoSlice(List.of(), Optional.empty());
        }
        List<Video> videos = readRecords(entries);
        videos.forEach(readyVideos::remember);
        Optional<String> nextPage = index.isMore()
                ? Optional.of(keys.pageTokenAfter(entries.get(entries.size() - 1).getKey()))
                : Optional.empty();
        return new VideoSlice(videos, nextPage);
    }

    /**
     * Newest first, only the videos {@code search} matches. The ids are part of the index keys,
     * so the search reads keys only, {@value #SEARCH_BATCH} at a time, and reads the records of
     * the matches alone.
     *
     * <p>Cost: etcd cannot filter, so a page scans the index from its token until it has
     * {@code limit} matches, but never more than {@value #MAX_SCANNED_PER_PAGE} keys (about
     * 80 bytes each: under 1 MB and {@value #MAX_SCANNED_PER_PAGE} / {@value #SEARCH_BATCH}
     * range reads, plus one read of the matching records). A rare search over a large
     * catalogue therefore answers pages with fewer matches, possibly none, each with the token
     * that goes on scanning where it stopped.
     */
    @Override
    public VideoSlice searchNewestFirst(IdSearch search, Optional<String> pageToken, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        int wanted = Math.min(limit, MAX_PAGE);
        List<KeyValue> matches = new ArrayList<>(wanted);
        ByteSequence from = pageToken.map(keys::firstKeyAfter).orElseGet(keys::newestFirstStart);
        ByteSequence lastScanned = null;
        boolean more;
        int scanned = 0;
        do {
            GetResponse batch = readIndex(from, SEARCH_BATCH, "search the videos for '" + search.text() + "'");
            List<KeyValue> entries = batch.getKvs();
            int next = 0;
            while (next < entries.size() && matches.size() < wanted) {
                KeyValue entry = entries.get(next++);
                lastScanned = entry.getKey();
                scanned++;
                if (search.matches(keys.idOfEntry(entry.getKey()))) {
                    matches.add(entry);
                }
            }
            // A full page may end mid-batch: the rest of the batch tells whether any match follows.
            more = batch.isMore() || entries.subList(next, entries.size()).stream()
                    .anyMatch(entry -> search.matches(keys.idOfEntry(entry.getKey())));
            if (lastScanned != null) {
                from = keys.successorOf(lastScanned);
            }
        } while (more && matches.size() < wanted && scanned < MAX_SCANNED_PER_PAGE);
        List<Video> videos = matches.isEmpty() ? List.of() : readRecords(matches);
        videos.forEach(readyVideos::remember);
        Optional<String> nextPage = more ? Optional.of(keys.pageTokenAfter(lastScanned)) : Optional.empty();
        return new VideoSlice(videos, nextPage);
    }

    private GetResponse readIndex(ByteSequence from, int limit, String action) {
        return etcd.await(() -> kv().get(from, GetOption.builder()
                .withRange(keys.newestFirstEnd())
                .withKeysOnly(true)
                .withLimit(limit)
                .build()), action);
    }

    /** The records of the index entries, in their order, read in one round trip. */
    private List<Video> readRecords(List<KeyValue> entries) {
        Op[] reads = entries.stream()
                .map(entry -> Op.get(keys.record(keys.idOfEntry(entry.getKey())), GetOption.DEFAULT))
                .toArray(Op[]::new);
        TxnResponse records = etcd.await(() -> kv().txn().Then(reads).commit(),
                "read " + reads.length + " listed videos");
        List<Video> videos = new ArrayList<>(reads.length);
        for (GetResponse record : records.getGetResponses()) {
            record.getKvs().stream().findFirst().map(EtcdVideoRepository::videoOf).ifPresent(videos::add);
        }
        return videos;
    }

    /** Forgets the cached videos; the shared connection stays open for its owner to close. */
    @Override
    public void close() {
        readyVideos.clear();
    }

    /** The value that a transaction's {@code Else(get key)} found; empty when there is no such key. */
    static Optional<ByteSequence> storedValue(TxnResponse failedCompare) {
        return failedCompare.getGetResponses().get(0).getKvs().stream().findFirst().map(KeyValue::getValue);
    }

    private KV kv() {
        return etcd.kv();
    }

    private static Video videoOf(KeyValue stored) {
        return JsonValues.decode(stored, VideoJson::fromJson);
    }
}

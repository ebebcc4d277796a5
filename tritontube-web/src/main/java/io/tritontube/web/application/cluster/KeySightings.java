package io.tritontube.web.application.cluster;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks one handler for a file seen on several nodes while their listings stream in
 * parallel: the first sighting wins. A key is forgotten once all the sightings it can have
 * were made, so memory holds only files whose listings are still in flight (and the rare
 * file missing from one of its nodes), not every file of the cluster.
 */
final class KeySightings {

    private final Map<String, Integer> sightings = new ConcurrentHashMap<>();

    /**
     * Records that {@code ringKey} was seen once more.
     *
     * @param expectedSightings on how many of the listed nodes the key should appear
     * @return true for the first sighting, the one that should handle the key
     */
    boolean firstSighting(String ringKey, int expectedSightings) {
        int seen = sightings.merge(ringKey, 1, Integer::sum);
        if (seen >= expectedSightings) {
            sightings.remove(ringKey);
        }
        return seen == 1;
    }
}

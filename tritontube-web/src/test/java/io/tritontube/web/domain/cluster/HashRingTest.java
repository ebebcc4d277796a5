package io.tritontube.web.domain.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The expected values here were computed independently of this code, with Python's hashlib
 * applying REFERENCE.md's rule (and the "host:port#i" virtual-node rule) by hand.
 */
class HashRingTest {

    private static final NodeAddress N8090 = NodeAddress.of("localhost:8090");
    private static final NodeAddress N8091 = NodeAddress.of("localhost:8091");
    private static final NodeAddress N8092 = NodeAddress.of("localhost:8092");
    private static final NodeAddress N8096 = NodeAddress.of("localhost:8096");
    private static final List<NodeAddress> SEED_NODES = List.of(N8090, N8091, N8092);
    private static final int SAMPLE_KEYS = 100_000;

    @Nested
    class TheReferenceRule {

        private final HashRing referenceRing = HashRing.of(SEED_NODES, 1, 1);

        @Test
        void hashIsTheFirstEightBytesOfSha256ReadUnsigned() {
            assertEquals(0x7a8f08e6b704a17aL, HashRing.hash("localhost:8090"));
            assertEquals(0xd2e20a1ceb3c4dddL, HashRing.hash("localhost:8091"));
            assertEquals(0x6d6e7f7d767c77d0L, HashRing.hash("localhost:8092"));
            assertEquals(0x0ad949a098f4c0ebL, HashRing.hash("über/chunk-0-00042.m4s"));
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "demo/manifest.mpd, localhost:8091",
                "demo/init-0.m4s, localhost:8092",       // above the largest position: wraps
                "demo/init-1.m4s, localhost:8092",
                "demo/chunk-0-00001.m4s, localhost:8092",
                "demo/chunk-1-00001.m4s, localhost:8091",
                "lecture 1/manifest.mpd, localhost:8091",
                "über/chunk-0-00042.m4s, localhost:8092",
                "localhost:8090, localhost:8090",        // equal to a position: belongs to it
        })
        void oneVirtualNodeAndOneReplicaPlaceEveryFileWhereTheReferenceDoes(String key, String owner) {
            assertEquals(List.of(NodeAddress.of(owner)), referenceRing.ownersOf(key));
        }

        @Test
        void aFourthNodeTakesTheKeysTheReferenceGivesIt() {
            HashRing withFourth = referenceRing.withNode(N8096);

            assertEquals(List.of(N8096), withFourth.ownersOf("demo/init-0.m4s"));
            assertEquals(List.of(N8096), withFourth.ownersOf("demo/chunk-0-00001.m4s"));
            assertEquals(List.of(N8091), withFourth.ownersOf("demo/manifest.mpd"));
        }

        @Test
        void withoutVirtualNodesOneNodeHoldsSixtyPercentAndAnotherFive() {
            Map<NodeAddress, Double> shares = primaryShares(referenceRing);

            assertEquals(0.6037, shares.get(N8092), 0.01);
            assertEquals(0.0513, shares.get(N8090), 0.01);
            assertEquals(0.3450, shares.get(N8091), 0.01);
        }

        @Test
        void listsNodesInRingOrder() {
            assertEquals(List.of(N8092, N8090, N8091), referenceRing.nodesInRingOrder());
            assertEquals(List.of(N8092, N8090, N8091), HashRing.of(SEED_NODES, 256, 2).nodesInRingOrder());
        }
    }

    @Nested
    class VirtualNodesAndReplicas {

        private final HashRing ring = HashRing.of(SEED_NODES, 256, 2);

        @ParameterizedTest(name = "{0} -> {1}, {2}")
        @CsvSource({
                "demo/manifest.mpd, localhost:8090, localhost:8091",
                "demo/init-0.m4s, localhost:8092, localhost:8091",
                "demo/chunk-0-00001.m4s, localhost:8091, localhost:8090",
                "lecture 1/manifest.mpd, localhost:8092, localhost:8091",
                "über/chunk-0-00042.m4s, localhost:8092, localhost:8090",
        })
        void virtualNodesSitAtHostPortHashIndex(String key, String owner, String replica) {
            assertEquals(List.of(NodeAddress.of(owner), NodeAddress.of(replica)), ring.ownersOf(key));
        }

        @Test
        void aFourthNodeJoinsTheOwnersOfItsKeys() {
            HashRing withFourth = ring.withNode(N8096);

            assertEquals(List.of(N8096, N8092), withFourth.ownersOf("demo/init-0.m4s"));
            assertEquals(List.of(N8092, N8096), withFourth.ownersOf("über/chunk-0-00042.m4s"));
            assertEquals(List.of(N8090, N8091), withFourth.ownersOf("demo/manifest.mpd"));
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2, 3, 5})
        void replicasAreAlwaysDistinctPhysicalNodes(int replicas) {
            for (int nodeCount = 1; nodeCount <= 6; nodeCount++) {
                HashRing sized = HashRing.of(nodes(nodeCount), 16, replicas);
                for (int k = 0; k < 2_000; k++) {
                    List<NodeAddress> owners = sized.ownersOf(key(k));
                    assertEquals(Math.min(replicas, nodeCount), owners.size(), "owners of " + key(k));
                    assertEquals(owners.size(), new HashSet<>(owners).size(), "distinct owners of " + key(k));
                }
            }
        }

        @Test
        void anEmptyRingOwnsNothing() {
            assertTrue(HashRing.of(List.of(), 256, 2).ownersOf("demo/manifest.mpd").isEmpty());
        }

        @Test
        void refusesANodeListedTwiceAndSettingsOutOfRange() {
            assertThrows(IllegalArgumentException.class, () -> HashRing.of(List.of(N8090, N8090), 1, 1));
            assertThrows(IllegalArgumentException.class, () -> HashRing.of(SEED_NODES, 0, 1));
            assertThrows(IllegalArgumentException.class, () -> HashRing.of(SEED_NODES, 1, 0));
            assertThrows(IllegalArgumentException.class,
                    () -> HashRing.of(SEED_NODES, HashRing.MAX_VIRTUAL_NODES + 1, 1));
        }
    }

    @Nested
    class DefaultsForARealDeployment {

        @ParameterizedTest(name = "{0} nodes")
        @ValueSource(ints = {3, 4, 5, 6, 7, 8, 9, 10})
        void eachNodeHoldsWithinAQuarterOfItsFairShare(int nodeCount) {
            HashRing ring = defaultRing(nodes(nodeCount));
            Map<NodeAddress, Integer> copies = new HashMap<>();
            for (int k = 0; k < SAMPLE_KEYS; k++) {
                ring.ownersOf(key(k)).forEach(node -> copies.merge(node, 1, Integer::sum));
            }
            double fairShare = (double) SAMPLE_KEYS * HashRing.DEFAULT_REPLICAS / nodeCount;
            Map<NodeAddress, Double> primaries = primaryShares(ring);
            for (NodeAddress node : ring.nodesInRingOrder()) {
                assertEquals(1.0, copies.get(node) / fairShare, 0.25, "copies on " + node);
                assertEquals(1.0, primaries.get(node) * nodeCount, 0.25, "primary share of " + node);
            }
        }

        @ParameterizedTest(name = "{0} nodes + 1")
        @ValueSource(ints = {3, 4, 5, 6, 7, 8, 9})
        void addingANodeMovesAboutOneInNPlusOneKeysAndOnlyToIt(int nodeCount) {
            HashRing before = defaultRing(nodes(nodeCount));
            NodeAddress newcomer = NodeAddress.of("newcomer.example:8090");
            HashRing after = before.withNode(newcomer);

            int primariesMoved = 0;
            for (int k = 0; k < SAMPLE_KEYS; k++) {
                List<NodeAddress> oldOwners = before.ownersOf(key(k));
                List<NodeAddress> newOwners = after.ownersOf(key(k));
                if (!oldOwners.get(0).equals(newOwners.get(0))) {
                    primariesMoved++;
                    assertEquals(newcomer, newOwners.get(0), "new owner of " + key(k));
                }
                Set<NodeAddress> gained = new HashSet<>(newOwners);
                oldOwners.forEach(gained::remove);
                assertTrue(gained.isEmpty() || gained.equals(Set.of(newcomer)),
                        key(k) + " gained a copy on an old node: " + gained);
            }
            double expected = 1.0 / (nodeCount + 1);
            assertEquals(expected, (double) primariesMoved / SAMPLE_KEYS, expected * 0.25);
        }

        @Test
        void removingANodeMovesOnlyItsKeys() {
            HashRing before = defaultRing(nodes(5));
            NodeAddress leaving = before.nodesInRingOrder().get(2);
            HashRing after = before.withoutNode(leaving);

            for (int k = 0; k < SAMPLE_KEYS / 10; k++) {
                List<NodeAddress> oldOwners = before.ownersOf(key(k));
                if (!oldOwners.contains(leaving)) {
                    assertEquals(oldOwners, after.ownersOf(key(k)), "owners of " + key(k));
                }
            }
        }

        private HashRing defaultRing(List<NodeAddress> nodes) {
            return HashRing.of(nodes, HashRing.DEFAULT_VIRTUAL_NODES, HashRing.DEFAULT_REPLICAS);
        }
    }

    /** Each node's share of keys as primary owner, measured over {@value #SAMPLE_KEYS} DASH-like keys. */
    private static Map<NodeAddress, Double> primaryShares(HashRing ring) {
        Map<NodeAddress, Double> shares = new HashMap<>();
        for (int k = 0; k < SAMPLE_KEYS; k++) {
            shares.merge(ring.ownersOf(key(k)).get(0), 1.0 / SAMPLE_KEYS, Double::sum);
        }
        return shares;
    }

    private static String key(int k) {
        return "video-" + (k / 500) + "/chunk-" + (k % 2) + "-" + String.format("%05d", k % 500) + ".m4s";
    }

    private static List<NodeAddress> nodes(int count) {
        return IntStream.range(0, count).mapToObj(i -> NodeAddress.of("127.0.0.1:" + (8090 + i))).toList();
    }
}

package io.tritontube.web.infrastructure.content.nw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tritontube.web.domain.cluster.NodeAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SilentNodesTest {

    private static final NodeAddress A = NodeAddress.of("10.0.0.1:8090");
    private static final NodeAddress B = NodeAddress.of("10.0.0.2:8090");
    private static final NodeAddress C = NodeAddress.of("10.0.0.3:8090");

    private final AtomicLong now = new AtomicLong();
    private final SilentNodes silent = new SilentNodes(Duration.ofSeconds(30), now::get);

    @Test
    void silentNodesAreAskedLastInTheRingsOrder() {
        silent.noteSilent(A);
        silent.noteSilent(B);

        assertEquals(List.of(C, A, B), silent.answeringFirst(List.of(A, B, C)));
    }

    @Test
    void aNodeThatAnswersIsAskedFirstAgainAtOnce() {
        silent.noteSilent(A);

        assertTrue(silent.noteAnswered(A));
        assertEquals(List.of(A, B), silent.answeringFirst(List.of(A, B)));
        assertFalse(silent.noteAnswered(A), "answered twice, silent in between: never");
    }

    @Test
    void aSilentNodeGetsItsTurnBackWhenTheNoteExpires() {
        silent.noteSilent(A);
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertTrue(silent.isSilent(A));

        now.addAndGet(Duration.ofSeconds(1).toNanos());

        assertFalse(silent.isSilent(A));
        assertEquals(List.of(A, B), silent.answeringFirst(List.of(A, B)));
    }
}

package io.tritontube.storage.server;

import io.tritontube.storage.client.StorageClient;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests against one unguarded in-process node serving {@code work/node}, through the real client. */
abstract class InProcessNodeTest {

    @TempDir
    Path work;

    InProcessNode node;
    StorageClient client;

    @BeforeEach
    void startNode() throws IOException {
        node = InProcessNode.serving(work.resolve("node"));
        client = node.client();
    }

    @AfterEach
    void stopNode() {
        node.close();
    }
}

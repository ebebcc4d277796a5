package io.tritontube.storage.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Status;
import io.tritontube.grpc.security.GrpcSecuritySettings;
import io.tritontube.storage.client.StorageClient;
import io.tritontube.storage.client.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenTest {

    private static final GrpcSecuritySettings WITH_TOKEN = new GrpcSecuritySettings("node-secret", null, null, null);

    @TempDir
    Path work;

    private InProcessNode node;
    private Path source;

    @BeforeEach
    void startGuardedNode() throws IOException {
        node = InProcessNode.serving(work.resolve("node"), WITH_TOKEN);
        source = Files.writeString(work.resolve("s"), "segment");
    }

    @AfterEach
    void stopNode() {
        node.close();
    }

    @Test
    void callsWithoutTheTokenAreUnauthenticatedAndWriteNothing() throws IOException {
        StorageClient anonymous = node.client();
        StorageClient wrongToken = node.client(new GrpcSecuritySettings("guess", null, null, null));

        for (StorageClient client : List.of(anonymous, wrongToken)) {
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> client.write("v", "f.m4s", source).get());
            assertEquals(Status.Code.UNAUTHENTICATED, ((StorageException) failure.getCause()).code());
            assertEquals(Status.Code.UNAUTHENTICATED,
                    assertThrows(StorageException.class, () -> client.read("v", "f.m4s")).code());
        }
        assertEquals(List.of(), node.entriesInBase());
    }

    @Test
    void callsWithTheTokenAreServed() throws Exception {
        StorageClient client = node.client(WITH_TOKEN);

        client.write("v", "f.m4s", source).get();

        assertEquals(1, client.health().get().fileCount());
    }
}

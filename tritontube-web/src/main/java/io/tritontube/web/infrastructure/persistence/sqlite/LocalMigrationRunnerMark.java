package io.tritontube.web.infrastructure.persistence.sqlite;

import io.tritontube.web.domain.cluster.MigrationRunnerMark;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The migration runner mark of the {@code sqlite} metadata kind. A SQLite file belongs to one
 * web server, so the mark lives in the memory of its process and dies with it: a migration
 * found stored at start has no live runner, and is resumed.
 */
public final class LocalMigrationRunnerMark implements MigrationRunnerMark {

    private final AtomicBoolean held = new AtomicBoolean();

    @Override
    public boolean take() {
        return held.compareAndSet(false, true);
    }

    @Override
    public boolean isHeld() {
        return held.get();
    }

    @Override
    public void release() {
        held.set(false);
    }

    @Override
    public void close() {
        release();
    }
}

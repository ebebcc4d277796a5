package io.tritontube.web.infrastructure.transcoding;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.commons.exec.LogOutputStream;

/** An output stream that hands each line a tool writes, without its line end, to a consumer. */
final class LineStream extends LogOutputStream {

    private final Consumer<String> lines;

    LineStream(Consumer<String> lines) {
        super(0, StandardCharsets.UTF_8);
        this.lines = lines;
    }

    @Override
    protected void processLine(String line, int level) {
        lines.accept(line);
    }
}

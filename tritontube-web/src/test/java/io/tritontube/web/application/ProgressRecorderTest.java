package io.tritontube.web.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tritontube.web.domain.video.Video;
import io.tritontube.web.domain.video.VideoId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressRecorderTest {

    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

    private final RecordingVideoRepository repository = new RecordingVideoRepository();
    private Instant now = T0;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final ProgressRecorder recorder = new ProgressRecorder(repository, Video.accepted(VideoId.of("clip"), T0), clock);

    @Test
    void writesAtMostOnceASecond() {
        recorder.record(5);
        recorder.record(6);
        recorder.record(7);
        now = now.plus(Duration.ofMillis(999));
        recorder.record(8);
        now = now.plus(Duration.ofMillis(1));
        recorder.record(9);

        assertEquals(List.of(5, 9), writtenFigures());
    }

    @Test
    void writesOnlyWhenTheFigureGoesUp() {
        recorder.record(10);
        now = now.plusSeconds(5);
        recorder.record(10);
        recorder.record(3);

        assertEquals(List.of(10), writtenFigures());
        assertEquals(10, recorder.latest().progress());
    }

    @Test
    void scalesAStepsFractionIntoItsSpan() {
        assertEquals(0, ProgressRecorder.scale(0.0, 0, 90));
        assertEquals(45, ProgressRecorder.scale(0.5, 0, 90));
        assertEquals(90, ProgressRecorder.scale(1.0, 0, 90));
        assertEquals(95, ProgressRecorder.scale(0.5, 90, 100));
        assertEquals(100, ProgressRecorder.scale(1.7, 90, 100));
    }

    private List<Integer> writtenFigures() {
        return repository.updates.stream().map(Video::progress).toList();
    }
}

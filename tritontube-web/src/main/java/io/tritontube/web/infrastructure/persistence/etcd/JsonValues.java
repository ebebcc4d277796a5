package io.tritontube.web.infrastructure.persistence.etcd;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KeyValue;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.StringReader;
import java.time.DateTimeException;
import java.util.Map;
import java.util.function.Function;

/**
 * Values stored in etcd are UTF-8 JSON objects (Jakarta JSON-P, which Payara provides), so an
 * operator can read them with {@code etcdctl get}. This class turns them into bytes and back;
 * the record classes' own mappings live in {@link VideoJson} and {@link ClusterStateJson}.
 */
final class JsonValues {

    /** Factories look the JSON-P provider up once; {@code Json.createXxx()} would on every call. */
    static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private JsonValues() {
    }

    static ByteSequence bytes(JsonObject json) {
        return EtcdKeyspace.bytes(json.toString());
    }

    /**
     * Decodes the JSON object stored in {@code stored} with {@code mapping}.
     *
     * @throws IllegalStateException naming the key when the value is not what TritonTube wrote:
     *                               a damaged record is a fault to fix, not a missing one
     */
    static <T> T decode(KeyValue stored, Function<JsonObject, T> mapping) {
        String text = EtcdKeyspace.text(stored.getValue());
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            return mapping.apply(reader.readObject());
        } catch (JsonException | ClassCastException | NullPointerException | IllegalArgumentException
                 | DateTimeException e) {
            throw new IllegalStateException("the etcd value at " + EtcdKeyspace.text(stored.getKey())
                    + " is damaged (" + e + "): " + text, e);
        }
    }
}

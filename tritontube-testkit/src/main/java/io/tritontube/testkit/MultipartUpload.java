package io.tritontube.testkit;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A {@code multipart/form-data} POST as a browser sends it: one file part, streamed from
 * disk, its file name sent as raw UTF-8 the way browsers do.
 */
public final class MultipartUpload {

    private MultipartUpload() {
    }

    /** A POST of {@code file} under the form field {@code field}, claiming the name {@code fileName}. */
    public static HttpRequest request(URI target, String field, String fileName, Path file) {
        String boundary = "----tritontube" + UUID.randomUUID();
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + quoted(fileName) + "\"\r\n"
                + "Content-Type: video/mp4\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        try {
            return HttpRequest.newBuilder(target)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.concat(
                            HttpRequest.BodyPublishers.ofByteArray(head.getBytes(StandardCharsets.UTF_8)),
                            HttpRequest.BodyPublishers.ofFile(file),
                            HttpRequest.BodyPublishers.ofByteArray(tail.getBytes(StandardCharsets.UTF_8))))
                    .build();
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A multipart POST whose only part is a plain form field, not a file. */
    public static HttpRequest withoutFile(URI target) {
        String boundary = "----tritontube" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nno file here\r\n--" + boundary + "--\r\n";
        return HttpRequest.newBuilder(target)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    // Browsers percent-escape the double quote and line breaks in the filename parameter.
    private static String quoted(String fileName) {
        return fileName.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }
}

package io.tritontube.web.interfaces.monitoring;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Counts the bytes the content route sends ({@code tritontube_served_bytes_total}), whether
 * they came from a store or a cache, by counting what is written to each response's body.
 */
@WebFilter("/content/*")
public class ServedBytesFilter extends HttpFilter {

    @Inject
    transient SiteMetrics metrics;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        CountingResponse counting = new CountingResponse(response);
        try {
            chain.doFilter(request, counting);
        } finally {
            metrics.served(counting.bytesWritten());
        }
    }

    /** Hands out a body stream that counts what passes through it. */
    private static final class CountingResponse extends HttpServletResponseWrapper {

        private CountingStream body;

        CountingResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (body == null) {
                body = new CountingStream(super.getOutputStream());
            }
            return body;
        }

        long bytesWritten() {
            return body == null ? 0 : body.count;
        }
    }

    private static final class CountingStream extends ServletOutputStream {

        private final ServletOutputStream out;
        private long count;

        CountingStream(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            count += length;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}

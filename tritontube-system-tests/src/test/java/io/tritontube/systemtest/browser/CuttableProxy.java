package io.tritontube.systemtest.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP relay on a loopback port in front of the site, whose connections the test can cut,
 * as a dropped network would: the browser talks to the site through it, and sees its
 * requests fail mid-way. While {@linkplain #setDown down}, new connections are closed at
 * once, like a network that is not back yet.
 */
final class CuttableProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService relays = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "cuttable-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean down;

    CuttableProxy(int targetPort) {
        this.targetPort = targetPort;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on a loopback port", e);
        }
        relays.execute(this::acceptAll);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Closes every connection now relayed; with {@code down}, refuses new ones until set up again. */
    void cut(boolean stayDown) {
        down = stayDown;
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }

    void setDown(boolean isDown) {
        down = isDown;
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (down) {
                    client.close();
                } else {
                    relay(client);
                }
            } catch (IOException closedOrFailed) {
                if (!listener.isClosed()) {
                    throw new UncheckedIOException("the proxy stopped accepting", closedOrFailed);
                }
            }
        }
    }

    private void relay(Socket client) throws IOException {
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.add(client);
        open.add(server);
        relays.execute(() -> pump(client, server));
        relays.execute(() -> pump(server, client));
    }

    /** Copies one direction until either side closes, then closes both. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (SocketException cut) {
            // A cut (ours or the peer's): the other direction is closed below.
        } catch (IOException e) {
            throw new UncheckedIOException("relaying failed", e);
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException alreadyBroken) {
            // Closing a broken socket can only fail because it is broken: it is closed either way.
        }
    }

    @Override
    public void close() {
        cut(true);
        try {
            listener.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            relays.shutdownNow();
        }
    }
}

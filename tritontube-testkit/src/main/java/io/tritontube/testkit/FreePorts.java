package io.tritontube.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * Loopback ports that the operating system reports free, for child processes that must be
 * told their port on the command line.
 *
 * <p>The ports are free when returned, not reserved: another process may take one before the
 * child binds it. Harnesses should treat a child that dies at start as a reason to retry
 * with new ports.
 */
public final class FreePorts {

    private FreePorts() {
    }

    /** {@code count} distinct free ports on 127.0.0.1. */
    public static List<Integer> pick(int count) {
        // Every socket stays open until all are chosen, so the OS cannot hand out one port twice.
        List<ServerSocket> held = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                ports.add(socket.getLocalPort());
            }
            return List.copyOf(ports);
        } catch (IOException e) {
            throw new UncheckedIOException("could not find " + count + " free loopback ports", e);
        } finally {
            held.forEach(FreePorts::release);
        }
    }

    /** One free port on 127.0.0.1. */
    public static int pick() {
        return pick(1).get(0);
    }

    /** Whether a process accepts connections on {@code port} of 127.0.0.1: a child that was told its port is up. */
    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static void release(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not release probed port " + socket.getLocalPort(), e);
        }
    }
}

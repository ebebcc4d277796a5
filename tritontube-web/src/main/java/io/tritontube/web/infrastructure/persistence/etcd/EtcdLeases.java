package io.tritontube.web.infrastructure.persistence.etcd;

import io.etcd.jetcd.common.exception.ErrorCode;
import io.etcd.jetcd.common.exception.EtcdException;
import io.tritontube.web.domain.video.MetadataUnavailableException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** What the keys that die with their web server (attached to its etcd lease) have in common. */
final class EtcdLeases {

    private static final Logger LOG = Logger.getLogger(EtcdLeases.class.getName());

    private EtcdLeases() {
    }

    /** Whether etcd refused a call because the lease it names is gone: expired or revoked. */
    static boolean isGone(MetadataUnavailableException e) {
        return e.getCause() instanceof EtcdException refusal && refusal.getErrorCode() == ErrorCode.NOT_FOUND;
    }

    /** For operators reading such keys with etcdctl: which process put them. */
    static String describeThisServer() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            LOG.log(Level.FINE, "this host has no name; etcd keys name it by its process id only", e);
            host = "unnamed host";
        }
        return "pid " + ProcessHandle.current().pid() + " on " + host;
    }
}

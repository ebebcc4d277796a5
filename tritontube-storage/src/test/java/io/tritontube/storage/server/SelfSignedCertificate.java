package io.tritontube.storage.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.Base64;

/**
 * A certificate for 127.0.0.1 made with the JDK's keytool and exported to the PEM files the
 * daemon is configured with: the certificate doubles as the CA file clients trust.
 */
record SelfSignedCertificate(Path certificate, Path privateKey) {

    private static final char[] PASSWORD = "test-only".toCharArray();

    static SelfSignedCertificate createIn(Path directory) throws IOException, InterruptedException, GeneralSecurityException {
        Path keyStore = directory.resolve("node.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "node", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (keytool.waitFor() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD);
        }
        Key key = store.getKey("node", PASSWORD);
        return new SelfSignedCertificate(
                Files.writeString(directory.resolve("node.crt"), pem("CERTIFICATE", store.getCertificate("node").getEncoded())),
                Files.writeString(directory.resolve("node.key"), pem("PRIVATE KEY", key.getEncoded())));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}

package io.tritontube.admin.connection;

import io.grpc.ChannelCredentials;
import io.tritontube.admin.argument.DeadlineDuration;
import io.tritontube.admin.argument.HostPort;
import io.tritontube.grpc.security.GrpcSecuritySettings;
import java.io.IOException;
import java.time.Duration;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The SERVER argument and the options every subcommand shares, mixed into each of them. The default of
 * {@code --timeout} comes from the command's {@link TimeoutDefaults} provider, because it differs per command.
 */
public final class ServerConnectionOptions {

    @Parameters(index = "0", paramLabel = "SERVER", converter = HostPort.Converter.class,
            description = "The web server's admin gRPC address (the first address of its nw option),"
                    + " e.g. localhost:3343.")
    private HostPort server;

    @Option(names = TimeoutDefaults.OPTION_NAME, paramLabel = "DURATION", converter = DeadlineDuration.class,
            description = "Deadline of the RPC, e.g. 30s, 10m, 1h or PT5M. Default: ${DEFAULT-VALUE}.")
    private Duration timeout;

    @Option(names = "--token", paramLabel = "TOKEN", showDefaultValue = Visibility.NEVER,
            defaultValue = "${env:" + GrpcSecuritySettings.TOKEN_ENV + "}",
            description = "Shared secret, sent as metadata 'authorization: Bearer TOKEN'. Default: the "
                    + GrpcSecuritySettings.TOKEN_ENV + " environment variable, which is safer: other users"
                    + " of the machine can read a command line.")
    private String token;

    @Option(names = "--tls-ca", paramLabel = "FILE", showDefaultValue = Visibility.NEVER,
            defaultValue = "${env:" + GrpcSecuritySettings.TLS_CA_ENV + "}",
            description = "Connect with TLS, trusting the CA certificates of this PEM file. Default: the "
                    + GrpcSecuritySettings.TLS_CA_ENV + " environment variable; plaintext when neither is set.")
    private String trustedCa;

    /** Needed to report bad security settings as usage errors of the command they were given to. */
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** Opens the one channel of this invocation; the caller closes it. */
    public AdminConnection open() {
        return AdminConnection.open(server, channelCredentials(), timeout);
    }

    private ChannelCredentials channelCredentials() {
        try {
            return new GrpcSecuritySettings(token, null, null, GrpcSecuritySettings.pathOrNull(trustedCa))
                    .channelCredentials();
        } catch (IOException | IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage(), e);
        }
    }
}

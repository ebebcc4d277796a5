package io.tritontube.admin.connection;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The default {@code --timeout} of each kind of command, given to picocli as the command's default value
 * provider so the help of each command shows its own default. add, remove and repair wait for real data to
 * move (the reference's 1 s deadline cut migrations off); list and status should answer at once.
 */
public final class TimeoutDefaults {

    static final String OPTION_NAME = "--timeout";

    private TimeoutDefaults() {
    }

    /** For commands that move files: long enough to migrate a node's share of a real library. */
    public static final class ForDataMovement implements IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec argument) {
            return isTimeout(argument) ? "10m" : null;
        }
    }

    /** For commands that only read the cluster's state. */
    public static final class ForQueries implements IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec argument) {
            return isTimeout(argument) ? "10s" : null;
        }
    }

    private static boolean isTimeout(ArgSpec argument) {
        return argument instanceof OptionSpec option && OPTION_NAME.equals(option.longestName());
    }
}

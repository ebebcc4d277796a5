package io.tritontube.admin;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports bad arguments the way command-line tools usually do: what is wrong, the usage line of the command
 * and where the full help is, on stderr, with exit status 1 as in the reference. The full help would bury
 * the one line that matters.
 */
final class UsageErrorReporter implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(problem.getMessage());
        UnmatchedArgumentException.printSuggestions(problem, err);
        err.print(command.getHelp().fullSynopsis());
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }
}

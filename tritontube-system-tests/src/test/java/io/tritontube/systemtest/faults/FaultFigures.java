package io.tritontube.systemtest.faults;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What the fault suite checked, printed at its end so a CI log shows the evidence. */
final class FaultFigures {

    final AtomicInteger videosChecked = new AtomicInteger();
    final AtomicLong segmentsRead = new AtomicLong();
    final AtomicLong failedReads = new AtomicLong();
    final AtomicInteger filesLost = new AtomicInteger();
    final AtomicInteger badInputsTried = new AtomicInteger();
    final AtomicInteger badInputsRefused = new AtomicInteger();

    void badInput(boolean refused) {
        badInputsTried.incrementAndGet();
        if (refused) {
            badInputsRefused.incrementAndGet();
        }
    }

    String report() {
        return String.format("""
                Fault suite figures
                  videos checked       %d
                  segments read        %d
                  failed reads         %d (must be 0)
                  files lost           %d (must be 0)
                  bad inputs tried     %d
                  bad inputs refused   %d (must equal tried)""",
                videosChecked.get(), segmentsRead.get(), failedReads.get(), filesLost.get(),
                badInputsTried.get(), badInputsRefused.get());
    }
}

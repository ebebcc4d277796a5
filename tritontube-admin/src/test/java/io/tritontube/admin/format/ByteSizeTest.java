package io.tritontube.admin.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteSizeTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0 B",
        "1023, 1023 B",
        "1024, 1.0 KiB",
        "1536, 1.5 KiB",
        "201326592, 192.0 MiB",
        "5368709120, 5.0 GiB",
        "9223372036854775807, 8.0 EiB"
    })
    void sizesUseBinaryUnitsWithOneDecimal(long bytes, String expected) {
        assertEquals(expected, ByteSize.humanReadable(bytes));
    }
}

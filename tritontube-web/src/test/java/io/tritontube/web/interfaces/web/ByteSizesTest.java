package io.tritontube.web.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ByteSizesTest {

    @Test
    void describesSizesInBinaryUnits() {
        assertEquals("2 GiB", ByteSizes.describe(2147483648L));
        assertEquals("1.5 MiB", ByteSizes.describe(1536 * 1024));
        assertEquals("1 KiB", ByteSizes.describe(1024));
        assertEquals("512 bytes", ByteSizes.describe(512));
        assertEquals("1 byte", ByteSizes.describe(1));
    }
}

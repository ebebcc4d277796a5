package io.tritontube.web.interfaces.web.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tritontube.web.domain.content.ByteRange;
import io.tritontube.web.interfaces.web.content.RangeSelection.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RangeSelectionTest {

    private static final long SIZE = 1000;

    @Test
    void noHeaderMeansTheWholeFile() {
        assertEquals(Kind.WHOLE, RangeSelection.of(null, SIZE).kind());
    }

    @Test
    void aClosedRange() {
        assertPartial(RangeSelection.of("bytes=0-99", SIZE), 0, 99);
        assertPartial(RangeSelection.of("bytes=500-500", SIZE), 500, 500);
        assertEquals(100, RangeSelection.of("bytes=0-99", SIZE).length());
    }

    @Test
    void anOpenRangeRunsToTheEnd() {
        assertPartial(RangeSelection.of("bytes=900-", SIZE), 900, 999);
    }

    @Test
    void aRangeBeyondTheEndIsCut() {
        assertPartial(RangeSelection.of("bytes=900-5000", SIZE), 900, 999);
        assertPartial(RangeSelection.of("bytes=0-99999999999999999999999", SIZE), 0, 999);
    }

    @Test
    void aSuffixIsTheLastBytes() {
        assertPartial(RangeSelection.of("bytes=-100", SIZE), 900, 999);
        assertPartial(RangeSelection.of("bytes=-5000", SIZE), 0, 999);
    }

    @Test
    void unitAndSpacesAreLenient() {
        assertPartial(RangeSelection.of("Bytes= 10 - 19 ", SIZE), 10, 19);
    }

    @Test
    void aStartAtOrPastTheEndIsUnsatisfiable() {
        assertEquals(Kind.UNSATISFIABLE, RangeSelection.of("bytes=1000-", SIZE).kind());
        assertEquals(Kind.UNSATISFIABLE, RangeSelection.of("bytes=1000-2000", SIZE).kind());
        assertEquals(Kind.UNSATISFIABLE, RangeSelection.of("bytes=-0", SIZE).kind());
        assertEquals(Kind.UNSATISFIABLE, RangeSelection.of("bytes=0-", 0).kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"items=0-1", "bytes=0-1,5-9", "bytes=5-1", "bytes=abc-5", "bytes=1-x", "bytes=-", "bytes=5", "bytes=+1-2", "0-99"})
    void headersThisServerDoesNotHandleAreIgnored(String header) {
        assertEquals(Kind.WHOLE, RangeSelection.of(header, SIZE).kind());
    }

    private static void assertPartial(RangeSelection range, long first, long last) {
        assertEquals(new RangeSelection(Kind.PARTIAL, first, last), range);
    }

    @Test
    void aRangeFromAKnownByteIsOpenedAsItIsBeforeTheSizeIsKnown() {
        assertEquals(new ByteRange(100, 50), RangeSelection.toOpen("bytes=100-149"));
        assertEquals(new ByteRange(900, 0), RangeSelection.toOpen("bytes=900-"));
        assertEquals(new ByteRange(0, 1), RangeSelection.toOpen("bytes=0-0"));
    }

    @Test
    void aSuffixOrAnIgnoredHeaderOpensTheWholeFile() {
        assertEquals(ByteRange.WHOLE_FILE, RangeSelection.toOpen(null));
        assertEquals(ByteRange.WHOLE_FILE, RangeSelection.toOpen("bytes=-100"));
        assertEquals(ByteRange.WHOLE_FILE, RangeSelection.toOpen("bytes=5-3"));
        assertEquals(ByteRange.WHOLE_FILE, RangeSelection.toOpen("bytes=0-1,5-9"));
        assertEquals(ByteRange.WHOLE_FILE, RangeSelection.toOpen("items=0-9"));
    }

    @Test
    void whatIsOpenedStartsWhereTheSelectionDoes() {
        for (String header : new String[] {"bytes=100-149", "bytes=900-", "bytes=990-5000", "bytes=0-"}) {
            assertEquals(RangeSelection.of(header, SIZE).first(), RangeSelection.toOpen(header).offset(), header);
        }
    }
}

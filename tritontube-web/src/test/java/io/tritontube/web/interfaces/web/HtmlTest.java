package io.tritontube.web.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void markupInAVideoIdIsShownNotRun() {
        assertEquals("there is no video with id &#39;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co&#39;",
                Html.escape("there is no video with id '<script>alert(\"x\")</script> & co'"));
    }

    @Test
    void plainTextAndUnicodeStayAsTheyAre() {
        assertEquals("été à Paris #1?", Html.escape("été à Paris #1?"));
    }
}

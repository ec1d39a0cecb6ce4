package com.example.serverless.email;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void markupAndQuotesBecomeTextAndEverythingElseStays() {
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot; — café",
                Html.escape("<script>alert('x')</script> & \"more\" — café"));
    }
}

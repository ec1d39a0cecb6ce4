package com.example.serverless.blogapi.html;

import com.example.serverless.email.Html;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The few HTML pages the email links open: readable without JavaScript, nothing loaded from elsewhere. */
public final class Pages {

    private Pages() {
    }

    /**
     * A page, whatever the Accept header says (a mailbox provider's one-click POST must never get a 406).
     *
     * @param content HTML, its dynamic parts escaped by the caller
     */
    public static Response page(String title, String content) {
        String html = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <title>%s</title></head>
                <body><main><h1>%s</h1>
                %s
                </main></body></html>
                """.formatted(Html.escape(title), Html.escape(title), content);
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}

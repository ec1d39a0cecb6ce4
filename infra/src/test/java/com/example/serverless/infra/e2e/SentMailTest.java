package com.example.serverless.infra.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.serverless.localcloud.SentEmail;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both emulators' sent-mail shapes read into the same messages (fixtures under src/test/resources/sent-mail/). */
class SentMailTest {

    @Test
    void miniStackMessagesAreReadAcrossAccounts() throws IOException {
        List<SentEmail> messages = SentMail.parse(fixture("ministack-messages.json"));

        assertThat(messages.size(), equalTo(2));
        SentEmail first = messages.get(0);
        assertThat(first.id(), equalTo("6f0c5a1e-2b7d-4c1a-9a57-0d3c3a9e1f10@email.amazonses.com"));
        assertThat(first.from(), equalTo("no-reply@example.com"));
        assertThat(first.to(), contains("success+ada@simulator.amazonses.com"));
        assertThat(first.subject(), equalTo("New on the blog: Hello, world"));
        assertThat(first.text(), equalTo("Hello, world\n\nRead it: https://blog.example.com/posts/hello-world\n"));
        assertThat(first.html(), equalTo("<p><a href=\"https://blog.example.com/posts/hello-world\">Hello, world</a></p>"));
        assertThat(messages.get(1).html(), nullValue());
    }

    @Test
    void localStackMessagesAreReadFromTheirList() throws IOException {
        List<SentEmail> messages = SentMail.parse(fixture("localstack-messages.json"));

        assertThat(messages.size(), equalTo(1));
        SentEmail message = messages.get(0);
        assertThat(message.id(), equalTo("ihqyvwrdvvsmgcea-fkvuqgkr-sfmn-ofvq-bvik-xycqutgdjrrj-wekovc"));
        assertThat(message.from(), equalTo("no-reply@example.com"));
        assertThat(message.to(), contains("success+ada@simulator.amazonses.com"));
        assertThat(message.subject(), equalTo("New on the blog: Hello, world"));
        assertThat(message.text(), equalTo("Hello, world\n\nRead it: https://blog.example.com/posts/hello-world\n"));
        assertThat(message.html(), equalTo("<p><a href=\"https://blog.example.com/posts/hello-world\">Hello, world</a></p>"));
    }

    @Test
    void emptyInboxesOfBothShapesAreEmpty() {
        assertThat(SentMail.parse("{\"messages\": {}}").size(), equalTo(0));
        assertThat(SentMail.parse("{\"messages\": []}").size(), equalTo(0));
    }

    @Test
    void anUnknownShapeIsRefusedRatherThanReadAsNoMail() {
        assertThrows(IllegalArgumentException.class, () -> SentMail.parse("{\"emails\": []}"));
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = SentMailTest.class.getResourceAsStream("/sent-mail/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package com.example.serverless.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** MiniStack's sent-mail shape, as GET /_ministack/ses/messages answers it. */
class SentEmailTest {

    @Test
    void messagesOfEveryAccountAreRead() {
        List<SentEmail> mail = SentEmail.parseMiniStack("""
                {"messages": {"100000000001": [{"MessageId": "m1@email.amazonses.com", "Source": "blog@example.com",
                  "To": ["a@example.com"], "CC": [], "BCC": [], "Subject": "Hello", "BodyText": "text", "BodyHtml": "<p>html</p>",
                  "Timestamp": 1796198146.98, "Type": "v2.SendEmail"}],
                 "100000000002": [{"MessageId": "m2", "Source": "s@example.com", "To": ["b@example.com", "c@example.com"],
                  "Subject": "Hi", "BodyText": "t"}]}}""");

        assertEquals(2, mail.size());
        assertEquals(new SentEmail("m1@email.amazonses.com", "blog@example.com", List.of("a@example.com"), "Hello", "text",
                "<p>html</p>"), mail.get(0));
        assertEquals(List.of("b@example.com", "c@example.com"), mail.get(1).to());
        assertNull(mail.get(1).html());
    }

    @Test
    void anotherShapeIsRefusedRatherThanReadAsNoMail() {
        assertThrows(IllegalArgumentException.class, () -> SentEmail.parseMiniStack("{\"messages\": []}"));
        assertEquals(List.of(), SentEmail.parseMiniStack("{\"messages\": {}}"));
    }

    @Test
    void anAccountIdHasTwelveDigits() {
        assertThrows(IllegalArgumentException.class, () -> new LocalAccount("12345", "k", "s"));
    }
}

package com.example.serverless.reminders.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.email.Email;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReminderRendererTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-03");
    private final ReminderRenderer renderer = new ReminderRenderer();

    @Test
    void theTitleIsEscapedInTheHtmlAndVerbatimInTheText() {
        Email email = renderer.render("ada@example.com", "<script>alert('x')</script> & \"more\"", TODAY.plusDays(1), TODAY);

        assertTrue(email.htmlBody().contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;"),
                email.htmlBody());
        assertFalse(email.htmlBody().contains("<script>"));
        assertTrue(email.textBody().contains("\"<script>alert('x')</script> & \"more\"\""));
        assertEquals("ada@example.com", email.to());
        assertTrue(email.oneClickUnsubscribeUrl().isEmpty(), "a transactional email to the account's own address");
        assertEquals("todo-reminder", email.tags().get("emailKind"));
    }

    @Test
    void theSubjectSaysWhenAndKeepsTheTitleOnOneShortLine() {
        assertEquals("Due today: Buy milk", renderer.render("a@example.com", "Buy milk", TODAY, TODAY).subject());
        assertEquals("Due tomorrow: Buy milk", renderer.render("a@example.com", "Buy milk", TODAY.plusDays(1), TODAY).subject());
        assertEquals("Due tomorrow: Line one line two",
                renderer.render("a@example.com", "Line one\r\nline two", TODAY.plusDays(1), TODAY).subject());
        String subject = renderer.render("a@example.com", "x".repeat(300), TODAY, TODAY).subject();
        assertEquals("Due today: ".length() + ReminderRenderer.SUBJECT_TITLE_LENGTH, subject.length());
        assertTrue(subject.endsWith("…"));
    }

    @Test
    void theBodyNamesTheDay() {
        Email email = renderer.render("a@example.com", "Buy milk", TODAY.plusDays(1), TODAY);
        assertTrue(email.textBody().contains("is due tomorrow (Friday 4 December 2026)"), email.textBody());
    }
}

package com.example.serverless.reminders.domain;

import com.example.serverless.email.Email;
import com.example.serverless.email.Html;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The reminder email: plain text and HTML, the title escaped in the HTML (it is the user's own text), and made safe
 * for a subject line (no line breaks, at most {@value #SUBJECT_TITLE_LENGTH} characters). A transactional email to
 * the account's own address: no unsubscribe headers.
 */
public final class ReminderRenderer {

    static final int SUBJECT_TITLE_LENGTH = 80;
    /** An SES message tag: which kind of email this is, in delivery and bounce events. */
    public static final Map<String, String> TAGS = Map.of("emailKind", "todo-reminder");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);

    public Email render(String to, String title, LocalDate dueDate, LocalDate today) {
        String when = dueDate.equals(today) ? "today" : dueDate.equals(today.plusDays(1)) ? "tomorrow" : "on " + DAY.format(dueDate);
        String day = DAY.format(dueDate);
        String subject = "Due " + when + ": " + subjectTitle(title);
        String text = "Your todo \"" + title + "\" is due " + when + " (" + day + ").\n\n"
                + "You get one reminder per todo and due date. Mark the todo done, or change its due date, in MyTodoList.\n";
        String html = "<!DOCTYPE html>\n<html><body>\n"
                + "<p>Your todo <strong>" + Html.escape(title) + "</strong> is due " + when + " (" + day + ").</p>\n"
                + "<p>You get one reminder per todo and due date. Mark the todo done, or change its due date, in MyTodoList.</p>\n"
                + "</body></html>\n";
        return new Email(to, subject, html, text, TAGS, Optional.empty());
    }

    static String subjectTitle(String title) {
        String oneLine = title.replaceAll("\\p{Cntrl}+", " ").strip();
        return oneLine.length() <= SUBJECT_TITLE_LENGTH ? oneLine : oneLine.substring(0, SUBJECT_TITLE_LENGTH - 1) + "…";
    }
}

package com.example.serverless.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.serverless.localcloud.InjectLocalCloud;
import com.example.serverless.localcloud.LocalCloud;
import com.example.serverless.localcloud.LocalCloudResource;
import com.example.serverless.localcloud.MockEventServer;
import com.example.serverless.localcloud.SentEmail;
import com.example.serverless.reminders.config.RemindersConfig;
import com.example.serverless.reminders.support.TestUserPool;
import com.example.serverless.reminders.support.TodoTables;
import com.example.serverless.reminders.support.VerifiedSender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The function invoked through the mock event server with the schedule's payload, on the local cloud: a real todos
 * table with the byDueDate index, the ledger, a Cognito user pool, and the mail its SES accepted. Each test writes its
 * own todos and users and removes its todos again, so every run sees only the test's todos. What the local cloud cannot
 * produce (throttling, an unknown outcome, a recipient refused for good) is covered in ReminderJobTest.
 */
@QuarkusTest
@WithTestResource(LocalCloudResource.class)
class TodoRemindersIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final LocalDate TOMORROW = TODAY.plusDays(1);

    @Inject
    TodoTables tables;

    @Inject
    TestUserPool pool;

    @Inject
    VerifiedSender sender;

    @Inject
    RemindersConfig config;

    @InjectLocalCloud
    LocalCloud cloud;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<String[]> written = new ArrayList<>();

    @AfterEach
    void removeTheTodos() {
        written.forEach(todo -> tables.deleteTodo(todo[0], todo[1]));
    }

    private String user(String name) {
        return pool.createUser(address(name));
    }

    private String address(String name) {
        return name + "-" + run + "@example.com";
    }

    private String todo(String owner, String title, LocalDate due, String status) {
        String todoId = UUID.randomUUID().toString();
        tables.putTodo(owner, todoId, title, due, status);
        written.add(new String[] {owner, todoId});
        return todoId;
    }

    private List<SentEmail> mailTo(String name) {
        return cloud.sentEmails().stream().filter(email -> email.to().equals(List.of(address(name)))).toList();
    }

    private static JsonNode invoke() {
        try {
            return JSON.readTree(MockEventServer.invoke(fixture("events/scheduler-run.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anOpenTodoDueTomorrowMailsItsOwnerOnceHoweverOftenTheScheduleFires() {
        String ada = user("ada");
        String todoId = todo(ada, "Pay <rent> & \"bills\"", TOMORROW, "OPEN");

        JsonNode first = invoke();
        invoke();

        assertEquals(TODAY.toString(), first.path("today").asText());
        assertEquals(1, first.path("sent").asInt());
        List<SentEmail> mail = mailTo("ada");
        assertEquals(1, mail.size(), "one reminder, however many runs");
        SentEmail reminder = mail.get(0);
        assertEquals(config.senderEmail(), reminder.from());
        assertEquals("Due tomorrow: Pay <rent> & \"bills\"", reminder.subject());
        assertTrue(reminder.html().contains("Pay &lt;rent&gt; &amp; &quot;bills&quot;"), reminder.html());
        assertTrue(reminder.text().contains("\"Pay <rent> & \"bills\"\" is due tomorrow"), reminder.text());
        Map<String, AttributeValue> entry = tables.ledgerEntry(todoId, TOMORROW).orElseThrow();
        assertEquals("sent", entry.get("state").s());
        assertEquals(reminder.id(), entry.get("messageId").s());
        assertTrue(entry.containsKey("expiresAt"));
    }

    @Test
    void aTodoWhoseDueDateMovesIsRemindedAgainForTheNewDate() {
        String ada = user("ada");
        String todoId = todo(ada, "Water the plants", TODAY, "OPEN");
        invoke();
        tables.putTodo(ada, todoId, "Water the plants", TOMORROW, "OPEN");

        invoke();

        assertEquals(List.of("Due today: Water the plants", "Due tomorrow: Water the plants"),
                mailTo("ada").stream().map(SentEmail::subject).sorted().toList());
    }

    @Test
    void badDataIsSkippedCountedInEmfAndNeverHoldsUpTheOthers() {
        String ada = user("ada");
        String gone = user("gone");
        pool.deleteUser(address("gone"));
        String nonAscii = pool.createUser("ädä-" + run + "@example.com");
        todo(ada, "Finished already", TOMORROW, "DONE");
        String untitled = todo(ada, null, TOMORROW, "OPEN");
        String ofGone = todo(gone, "Nobody reads this", TODAY, "OPEN");
        todo(nonAscii, "SES cannot send to this address", TOMORROW, "OPEN");
        todo(ada, "The one that goes out", TOMORROW, "OPEN");

        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        JsonNode summary;
        try {
            summary = invoke();
        } finally {
            System.setOut(original);
        }

        assertEquals(1, summary.path("sent").asInt(), summary.toString());
        assertEquals(List.of("Due tomorrow: The one that goes out"), mailTo("ada").stream().map(SentEmail::subject).toList());
        JsonNode skipped = summary.path("skipped");
        assertEquals(1, skipped.path("DONE").asInt(), summary.toString());
        assertEquals(1, skipped.path("MISSING_TITLE").asInt(), summary.toString());
        assertEquals(1, skipped.path("USER_NOT_FOUND").asInt(), summary.toString());
        assertEquals(1, skipped.path("MALFORMED_ADDRESS").asInt(), summary.toString());
        assertTrue(tables.ledgerEntry(untitled, TOMORROW).isEmpty(), "nothing is claimed for an untitled todo");
        assertEquals("skipped", tables.ledgerEntry(ofGone, TODAY).orElseThrow().get("state").s());

        List<JsonNode> emf = printed.toString(StandardCharsets.UTF_8).lines().filter(line -> line.startsWith("{\"_aws\""))
                .map(TodoRemindersIT::read).toList();
        assertTrue(emf.stream().allMatch(line -> line.path("Service").asText().equals("todo-reminders")));
        assertEquals(1, emf.stream().filter(line -> line.has("RemindersSent")).findFirst().orElseThrow().path("RemindersSent").asInt());
        assertEquals(List.of("DONE", "MALFORMED_ADDRESS", "MISSING_TITLE", "USER_NOT_FOUND"),
                emf.stream().filter(line -> line.has("RemindersSkipped")).map(line -> line.path("Reason").asText()).sorted().toList());
    }

    @Test
    void anUnverifiedSenderFailsTheRunKeepsNoClaimAndTheNextRunSends() {
        String ada = user("ada");
        String todoId = todo(ada, "Renew passport", TOMORROW, "OPEN");
        sender.withdraw();
        MockEventServer.Invocation failed;
        try {
            failed = MockEventServer.send(fixture("events/scheduler-run.json"));
        } finally {
            sender.verify();
        }

        assertNotEquals(200, failed.status(), "the invocation fails, and Lambda retries it");
        assertTrue(tables.ledgerEntry(todoId, TOMORROW).isEmpty(), "the claim is given back");
        assertTrue(mailTo("ada").isEmpty());

        assertEquals(1, invoke().path("sent").asInt());
        assertEquals(1, mailTo("ada").size());
    }

    @Test
    void manyTodosOfOneUserArePagedThroughAndEachIsRemindedOnce() {
        String ada = user("ada");
        for (int i = 0; i < 5; i++) {
            todo(ada, "Chore " + i, i % 2 == 0 ? TODAY : TOMORROW, "OPEN");
        }

        JsonNode summary = invoke();

        assertEquals(5, summary.path("sent").asInt(), "pages of two, both dates");
        assertEquals(5, mailTo("ada").size());
        assertFalse(summary.path("skipped").has("ALREADY_REMINDED"));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fixture(String path) {
        try (InputStream in = TodoRemindersIT.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

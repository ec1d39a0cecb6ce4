package com.example.serverless.localaws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/** The real SDK client talks to the stand-in and maps its answers to SES's own exception classes. */
class SesV2StandInTest {

    private SesV2StandIn ses;
    private SesV2Client client;

    @BeforeEach
    void start() {
        ses = SesV2StandIn.start();
        client = SesV2Client.builder()
                .endpointOverride(ses.endpoint())
                .region(Region.of(LocalCredentials.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LocalCredentials.ACCESS_KEY_ID, LocalCredentials.SECRET_ACCESS_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                // One attempt per call, so each scheduled failure reaches the test.
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        ses.close();
    }

    private static SendEmailRequest email(String to) {
        return SendEmailRequest.builder()
                .fromEmailAddress("blog@example.com")
                .destination(d -> d.toAddresses(to))
                .configurationSetName("blog")
                .content(c -> c.simple(m -> m
                        .subject(s -> s.data("Hello <you>"))
                        .body(b -> b.text(t -> t.data("plain")).html(h -> h.data("<p>html</p>")))
                        .headers(MessageHeader.builder().name("List-Unsubscribe").value("<https://x/u?t=1>").build())))
                .build();
    }

    @Test
    void sendEmailIsRecordedAndAnsweredWithAMessageId() {
        String messageId = client.sendEmail(email("ada@example.com")).messageId();

        SesV2StandIn.SentEmail sent = ses.sent().get(0);
        assertEquals(messageId, sent.messageId());
        assertEquals(List.of("ada@example.com"), sent.to());
        assertEquals("blog@example.com", sent.from());
        assertEquals("Hello <you>", sent.subject());
        assertEquals("plain", sent.textBody());
        assertEquals("<p>html</p>", sent.htmlBody());
        assertEquals("<https://x/u?t=1>", sent.header("list-unsubscribe"));
        assertEquals("blog", sent.configurationSetName());
    }

    @Test
    void throttledCallsRaiseTooManyRequestsAndSendNothing() {
        ses.throttleNext(1);

        TooManyRequestsException throttled = assertThrows(TooManyRequestsException.class,
                () -> client.sendEmail(email("ada@example.com")));

        assertEquals(429, throttled.statusCode());
        assertTrue(ses.sent().isEmpty());
        client.sendEmail(email("ada@example.com"));
        assertEquals(1, ses.sent().size(), "only the scheduled call is throttled");
    }

    @Test
    void aRejectedAddressRaisesMessageRejected() {
        ses.rejectAddress("bounce@example.com");

        MessageRejectedException rejected = assertThrows(MessageRejectedException.class,
                () -> client.sendEmail(email("bounce@example.com")));

        assertEquals(400, rejected.statusCode());
        assertTrue(ses.sent().isEmpty());
        assertEquals(List.of("bounce@example.com"), ses.attempts());
    }

    @Test
    void anyScheduledSesErrorMapsToItsExceptionClass() {
        ses.failNext(400, "SendingPausedException", "Sending is paused for this account.");

        assertThrows(SendingPausedException.class, () -> client.sendEmail(email("ada@example.com")));
    }
}

package com.example.serverless.blog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.serverless.blog.domain.Email;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * What SendEmail carries besides the bodies: the configuration set and the RFC 8058 one-click unsubscribe headers.
 * The local cloud's sent-mail record keeps neither, so the request itself is checked here.
 */
class SesV2MailerTest {

    private final SesV2Mailer mailer = new SesV2Mailer(SesV2Client.builder().region(software.amazon.awssdk.regions.Region.US_EAST_1)
            .credentialsProvider(software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider.create()).build(),
            "blog@example.com", "blog-set");

    @Test
    void theRequestCarriesTheConfigurationSetAndTheOneClickUnsubscribeHeaders() {
        SendEmailRequest request = mailer.request(new Email("reader@example.com", "New on the blog: Hello", "<p>Hello</p>",
                "Hello", "https://blog.example.com/unsubscribe?token=abc"));

        assertEquals("blog@example.com", request.fromEmailAddress());
        assertEquals("blog-set", request.configurationSetName());
        assertEquals(java.util.List.of("reader@example.com"), request.destination().toAddresses());
        Map<String, String> headers = request.content().simple().headers().stream()
                .collect(Collectors.toMap(MessageHeader::name, MessageHeader::value));
        assertEquals(Map.of("List-Unsubscribe", "<https://blog.example.com/unsubscribe?token=abc>",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), headers);
        assertEquals("UTF-8", request.content().simple().subject().charset());
    }
}

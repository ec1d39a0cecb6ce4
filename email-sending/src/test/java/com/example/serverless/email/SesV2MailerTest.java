package com.example.serverless.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.InternalServiceErrorException;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/**
 * The SendEmail request (configuration set and RFC 8058 headers, which the local cloud's sent-mail record keeps
 * neither of), and how each SES error is classified. The local cloud produces only an unverified identity
 * (MessageRejected) of these errors, so the others are the SDK's real exception types built with the code, status
 * and message SES answers with, thrown by a client that answers every SendEmail with the error under test.
 */
class SesV2MailerTest {

    private static final String READER = "reader@example.com";
    private static final Email EMAIL = new Email(READER, "New on the blog: Hello", "<p>Hello</p>", "Hello",
            Map.of("subscriberId", "sub-42"), Optional.of("https://blog.example.com/unsubscribe?token=abc"));

    @Test
    void theRequestCarriesTheConfigurationSetTheTagsAndTheOneClickUnsubscribeHeaders() {
        SesV2Mailer mailer = new SesV2Mailer(SesV2Client.builder().region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create()).build(), "blog@example.com", "blog-set");

        SendEmailRequest request = mailer.request(EMAIL);

        assertEquals("blog@example.com", request.fromEmailAddress());
        assertEquals("blog-set", request.configurationSetName());
        assertEquals(List.of(READER), request.destination().toAddresses());
        Map<String, String> headers = request.content().simple().headers().stream()
                .collect(Collectors.toMap(MessageHeader::name, MessageHeader::value));
        assertEquals(Map.of("List-Unsubscribe", "<https://blog.example.com/unsubscribe?token=abc>",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), headers);
        assertEquals("UTF-8", request.content().simple().subject().charset());
        assertEquals(List.of(MessageTag.builder().name("subscriberId").value("sub-42").build()), request.emailTags(),
                "SES names the subscriber back in its bounce and complaint events");
    }

    @Test
    void aTagValueSesWouldRefuseIsLeftOutRatherThanFailingTheEmail() {
        SesV2Mailer mailer = new SesV2Mailer(SesV2Client.builder().region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create()).build(), "blog@example.com", "blog-set");
        Email handWritten = new Email(READER, "s", "<p>h</p>", "t", Map.of("subscriberId", "ada lovelace/1"), Optional.empty());

        assertEquals(List.of(), mailer.request(handWritten).emailTags());
        assertEquals(List.of(), mailer.request(handWritten).content().simple().headers(),
                "no unsubscribe link, no List-Unsubscribe headers");
    }

    @Test
    void aRecipientNotVerifiedInTheSandboxBlocksSendingAndRejectsNobody() {
        SendingBlockedException blocked = assertThrows(SendingBlockedException.class, () -> sendAnswered(
                error(MessageRejectedException.builder(), 400, "MessageRejected", "Email address is not verified. "
                        + "The following identities failed the check in region EU-WEST-1: " + READER)));

        assertTrue(blocked.getMessage().contains("Email address is not verified"), blocked.getMessage());
        assertFalse(blocked.getMessage().contains(READER), "addresses are not logged: " + blocked.getMessage());
    }

    @Test
    void anUnverifiedSenderBlocksSending() {
        assertThrows(SendingBlockedException.class, () -> sendAnswered(error(MessageRejectedException.builder(), 400,
                "MessageRejected", "Email address is not verified. The following identities failed the check in "
                        + "region EU-WEST-1: blog@example.com")));
    }

    @Test
    void aRejectedMessageIsTheMessagesFailureNotTheRecipients() {
        assertThrows(SendingBlockedException.class, () -> sendAnswered(error(MessageRejectedException.builder(), 400,
                "MessageRejected", "The message can't be sent because it contains invalid content.")));
    }

    @Test
    void aMalformedRecipientAddressRejectsThatRecipient() {
        // SES v2 answers a malformed destination this way; the sender is well-formed (the constructor checks it).
        for (String message : List.of("Illegal address", "Invalid email address " + READER + ".",
                "Missing final '@domain'", "Local address contains control or whitespace")) {
            RecipientRejectedException rejected = assertThrows(RecipientRejectedException.class,
                    () -> sendAnswered(error(BadRequestException.builder(), 400, "BadRequestException", message)));
            assertFalse(rejected.getMessage().contains(READER), rejected.getMessage());
        }
    }

    @Test
    void anyOtherBadRequestIsAboutTheMessage() {
        assertThrows(SendingBlockedException.class, () -> sendAnswered(error(BadRequestException.builder(), 400,
                "BadRequestException", "Duplicate header 'List-Unsubscribe'.")));
    }

    @Test
    void accountIdentityLimitAndConfigurationRefusalsBlockSending() {
        List<SesV2Exception> refusals = List.of(
                error(AccountSuspendedException.builder(), 400, "AccountSuspendedException",
                        "Your account's ability to send email has been permanently restricted."),
                error(SendingPausedException.builder(), 400, "SendingPausedException",
                        "Sending is paused for this account."),
                error(MailFromDomainNotVerifiedException.builder(), 400, "MailFromDomainNotVerifiedException",
                        "The MAIL FROM domain mail.example.com is not verified."),
                error(LimitExceededException.builder(), 400, "LimitExceededException", "Limit exceeded."),
                error(NotFoundException.builder(), 404, "NotFoundException", "Configuration set <blog-set> does not exist."),
                error(SesV2Exception.builder(), 403, "AccessDeniedException", "User is not authorized to perform ses:SendEmail"));
        for (SesV2Exception refusal : refusals) {
            assertThrows(SendingBlockedException.class, () -> sendAnswered(refusal), refusal.awsErrorDetails().errorCode());
        }
    }

    @Test
    void throttlingIsWorthAnotherTry() {
        assertThrows(MailThrottledException.class, () -> sendAnswered(error(TooManyRequestsException.builder(), 429,
                "TooManyRequestsException", "Maximum sending rate exceeded.")));
    }

    @Test
    void aServerErrorOrATimeoutLeavesTheOutcomeOpen() {
        assertThrows(DeliveryOutcomeUnknownException.class, () -> sendAnswered(error(
                InternalServiceErrorException.builder(), 500, "InternalServiceErrorException", "Internal error.")));
        assertThrows(DeliveryOutcomeUnknownException.class, () -> sendAnswered(
                ApiCallTimeoutException.create(5_000)));
    }

    @Test
    void theSenderMustBeAPlainAddress() {
        assertThrows(IllegalArgumentException.class, () -> new SesV2Mailer(answering(null), "Blog <blog@example.com>", "s"));
    }

    private static SesV2Exception error(SesV2Exception.Builder builder, int status, String code, String message) {
        return (SesV2Exception) builder.statusCode(status).requestId("req-1")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
                .build();
    }

    private static void sendAnswered(SdkException error) {
        new SesV2Mailer(answering(error), "blog@example.com", "blog-set").send(EMAIL);
    }

    /** A client whose every SendEmail fails with {@code error}. */
    private static SesV2Client answering(SdkException error) {
        return new SesV2Client() {
            @Override
            public SendEmailResponse sendEmail(SendEmailRequest request) {
                throw error;
            }

            @Override
            public String serviceName() {
                return SERVICE_NAME;
            }

            @Override
            public void close() {
            }
        };
    }
}

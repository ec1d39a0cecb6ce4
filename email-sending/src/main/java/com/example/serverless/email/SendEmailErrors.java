package com.example.serverless.email;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/**
 * What each error of SES v2 {@code SendEmail} means for one email. A call here carries one recipient and our
 * one sender, and SES sends nothing when it answers with an error. An error is therefore either about that
 * recipient's address, or about something every email from this sender shares (the message, our sender, the account,
 * the configuration set): the second kind must never bounce anyone, or one such error bounces a whole list.
 * <ul>
 * <li>{@code BadRequest} saying an address is malformed: the recipient's address, permanently
 * ({@link RecipientRejectedException}). Our sender is checked well-formed at start-up, so it is not the one.</li>
 * <li>{@code MessageRejected}: the message is refused, e.g. "Email address is not verified" for our sender or, while
 * the account is in the SES sandbox, for the recipient; that is the account's state, not the recipient's
 * ({@link SendingBlockedException}).</li>
 * <li>{@code AccountSuspended}, {@code SendingPaused}, {@code MailFromDomainNotVerified}, {@code LimitExceeded},
 * {@code NotFound} (the configuration set), any other 4xx such as another {@code BadRequest} or
 * {@code AccessDenied}: nothing can be sent until someone acts ({@link SendingBlockedException}).</li>
 * <li>{@code TooManyRequests} (429): throttled, worth another try shortly ({@link MailThrottledException}).</li>
 * <li>5xx: SES failed on its side; whether it kept the email is not said ({@link DeliveryOutcomeUnknownException}).</li>
 * </ul>
 * Hard bounces, complaints and suppressed addresses are no SendEmail error: SES accepts those emails and reports
 * them as events to the configuration set, the place to learn that an address is dead.
 * <p>
 * Sources: SendEmail's errors, https://docs.aws.amazon.com/sdkfornet/v3/apidocs/items/SimpleEmailV2/MISimpleEmailServiceV2SendEmailSendEmailRequest.html;
 * their messages, https://docs.aws.amazon.com/ses/latest/dg/troubleshoot-error-messages.html. SES's messages name
 * the failing addresses, so they are logged and stored with the addresses replaced.
 */
final class SendEmailErrors {

    /** SES's words for an address it cannot parse (SES v2 "Illegal address", "Invalid email address x", SES v1's). */
    private static final List<String> MALFORMED_ADDRESS = List.of("illegal address", "invalid email address",
            "missing final '@domain'", "missing domain", "domain contains", "local address contains",
            "domain ends with", "domain starts with");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s,;:<>\"]+@[^\\s,;:<>\"]+");

    private SendEmailErrors() {
    }

    /** The domain's failure for an error SendEmail answered with. */
    static RuntimeException classify(SesV2Exception error) {
        String reason = reason(error);
        return switch (error) {
            case TooManyRequestsException throttled -> new MailThrottledException("SES throttled SendEmail: " + reason);
            case BadRequestException badRequest when namesAMalformedAddress(badRequest) ->
                    new RecipientRejectedException(reason);
            case MessageRejectedException rejected -> blocked("SES rejected the message", reason);
            case AccountSuspendedException suspended -> blocked("The SES account is suspended", reason);
            case SendingPausedException paused -> blocked("Sending is paused", reason);
            case MailFromDomainNotVerifiedException mailFrom -> blocked("The MAIL FROM domain is not verified", reason);
            case LimitExceededException limit -> blocked("An SES limit is exceeded", reason);
            case NotFoundException notFound -> blocked("What the request names (the configuration set) does not exist", reason);
            default -> error.statusCode() >= 500
                    ? new DeliveryOutcomeUnknownException("SES failed with " + error.statusCode() + ": " + reason)
                    : blocked("SES refuses to send", reason);
        };
    }

    private static SendingBlockedException blocked(String what, String reason) {
        return new SendingBlockedException(what + "; nothing was sent: " + reason);
    }

    private static boolean namesAMalformedAddress(SesV2Exception error) {
        String message = message(error).toLowerCase(Locale.ROOT);
        return MALFORMED_ADDRESS.stream().anyMatch(message::contains);
    }

    /**
     * Code, message and request id, without any address. The SDK exception is not kept as the cause: its message
     * carries the addresses, and the failed record is logged with its causes.
     */
    private static String reason(SesV2Exception error) {
        String code = error.awsErrorDetails() == null ? "unknown" : error.awsErrorDetails().errorCode();
        String request = error.requestId() == null ? "" : " (request " + error.requestId() + ")";
        return code + ": " + ADDRESS.matcher(message(error)).replaceAll("<address>") + request;
    }

    private static String message(SesV2Exception error) {
        String message = error.awsErrorDetails() == null ? null : error.awsErrorDetails().errorMessage();
        return message == null ? "" : message;
    }
}

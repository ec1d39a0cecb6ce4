package com.example.serverless.blog.store;

import com.example.serverless.blog.domain.DeliveryOutcomeUnknownException;
import com.example.serverless.blog.domain.Email;
import com.example.serverless.blog.domain.MailThrottledException;
import com.example.serverless.blog.domain.Mailer;
import com.example.serverless.blog.domain.RecipientRejectedException;
import com.example.serverless.blog.domain.SendingBlockedException;
import java.util.Locale;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/**
 * Sends through SES v2 {@code SendEmail} with simple content: subject, HTML and text bodies, the one-click
 * unsubscribe headers of RFC 8058, and the configuration set (where bounces, complaints and delivery events
 * are published). SES's answers become the domain's failure types:
 * <ul>
 * <li>429 TooManyRequests: throttled, nothing sent, retry shortly;</li>
 * <li>MessageRejected, BadRequest: this recipient is refused for good (the request is otherwise the same for
 * every subscriber, so a 400 on one of them is about that address) unless SES names our own sender, as it
 * does for an unverified sender identity: then nobody can be mailed, which is the next case;</li>
 * <li>any other 4xx (AccountSuspended, SendingPaused, LimitExceeded, MailFromDomainNotVerified, NotFound for the
 * configuration set, AccessDenied): SES refuses all sending and took nothing;</li>
 * <li>5xx and client-side failures (timeouts, resets): SES may or may not have the email.</li>
 * </ul>
 * The client makes one attempt per call (see the producer): the SDK's own retries would resend after an
 * ambiguous failure, and throttling is retried by the caller within the invocation's time.
 */
public final class SesV2Mailer implements Mailer {

    private final SesV2Client ses;
    private final String fromAddress;
    private final String configurationSet;

    public SesV2Mailer(SesV2Client ses, String fromAddress, String configurationSet) {
        this.ses = ses;
        this.fromAddress = fromAddress;
        this.configurationSet = configurationSet;
    }

    @Override
    public String send(Email email) {
        try {
            return ses.sendEmail(request(email)).messageId();
        } catch (TooManyRequestsException throttled) {
            throw new MailThrottledException("SES throttled SendEmail", throttled);
        } catch (MessageRejectedException | BadRequestException rejected) {
            if (namesOurSender(rejected)) {
                throw new SendingBlockedException("SES refuses our sender: " + errorMessage(rejected), rejected);
            }
            throw new RecipientRejectedException(errorMessage(rejected), rejected);
        } catch (SesV2Exception refused) {
            if (refused.statusCode() < 500) {
                throw new SendingBlockedException("SES refuses to send: " + errorCode(refused), refused);
            }
            throw new DeliveryOutcomeUnknownException("SES failed with " + refused.statusCode(), refused);
        } catch (SdkClientException inTransit) {
            throw new DeliveryOutcomeUnknownException("SendEmail failed in transit", inTransit);
        }
    }

    /** The SendEmail request for one announcement. */
    SendEmailRequest request(Email email) {
        return SendEmailRequest.builder()
                .fromEmailAddress(fromAddress)
                .destination(destination -> destination.toAddresses(email.to()))
                .configurationSetName(configurationSet)
                .content(content -> content.simple(message -> message
                        .subject(subject -> subject.data(email.subject()).charset("UTF-8"))
                        .body(body -> body
                                .html(html -> html.data(email.htmlBody()).charset("UTF-8"))
                                .text(text -> text.data(email.textBody()).charset("UTF-8")))
                        .headers(
                                header("List-Unsubscribe", "<" + email.unsubscribeUrl() + ">"),
                                header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))))
                .build();
    }

    /** SES lists the identities that failed its checks ("...failed the check in region X: a@b"). */
    private boolean namesOurSender(SesV2Exception rejected) {
        return errorMessage(rejected).toLowerCase(Locale.ROOT).contains(fromAddress.toLowerCase(Locale.ROOT));
    }

    private static MessageHeader header(String name, String value) {
        return MessageHeader.builder().name(name).value(value).build();
    }

    private static String errorCode(SesV2Exception e) {
        return e.awsErrorDetails() == null ? "unknown" : e.awsErrorDetails().errorCode();
    }

    private static String errorMessage(SesV2Exception e) {
        return errorCode(e) + ": " + (e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage());
    }
}

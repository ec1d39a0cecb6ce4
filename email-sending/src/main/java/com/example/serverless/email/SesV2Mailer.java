package com.example.serverless.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/**
 * Sends through SES v2 {@code SendEmail} with simple content: subject, HTML and text bodies, the email's tags, the
 * one-click unsubscribe headers of RFC 8058 when the email has a link for them, and the configuration set (where bounces, complaints and delivery events
 * are published). SES's errors become the domain's failure types in {@link SendEmailErrors}; a failure in transit
 * (timeout, reset) leaves open whether SES took the email.
 * The client makes one attempt per call (see the producer): the SDK's own retries would resend after an
 * ambiguous failure, and throttling is retried by the caller within the invocation's time.
 */
public final class SesV2Mailer implements Mailer {

    /** What SES accepts as a message tag value; a tag it would refuse is left out rather than failing the email. */
    private static final Pattern TAG_VALUE = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    private final SesV2Client ses;
    private final String fromAddress;
    private final String configurationSet;

    public SesV2Mailer(SesV2Client ses, String fromAddress, String configurationSet) {
        // SendEmailErrors blames the recipient for a malformed address only because the sender cannot be the one.
        if (!EmailAddress.isWellFormed(fromAddress)) {
            throw new IllegalArgumentException("The sender must be a plain address (local@domain, ASCII)");
        }
        this.ses = ses;
        this.fromAddress = fromAddress;
        this.configurationSet = configurationSet;
    }

    @Override
    public String send(Email email) {
        try {
            return ses.sendEmail(request(email)).messageId();
        } catch (SesV2Exception refused) {
            throw SendEmailErrors.classify(refused);
        } catch (SdkClientException inTransit) {
            throw new DeliveryOutcomeUnknownException("SendEmail failed in transit", inTransit);
        }
    }

    /** The SendEmail request for one email. */
    SendEmailRequest request(Email email) {
        List<MessageTag> tags = email.tags().entrySet().stream()
                .filter(tag -> TAG_VALUE.matcher(tag.getValue()).matches())
                .map(tag -> MessageTag.builder().name(tag.getKey()).value(tag.getValue()).build())
                .toList();
        List<MessageHeader> headers = new ArrayList<>();
        email.oneClickUnsubscribeUrl().ifPresent(url -> {
            headers.add(header("List-Unsubscribe", "<" + url + ">"));
            headers.add(header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
        });
        return SendEmailRequest.builder()
                .fromEmailAddress(fromAddress)
                .emailTags(tags)
                .destination(destination -> destination.toAddresses(email.to()))
                .configurationSetName(configurationSet)
                .content(content -> content.simple(message -> message
                        .subject(subject -> subject.data(email.subject()).charset("UTF-8"))
                        .body(body -> body
                                .html(html -> html.data(email.htmlBody()).charset("UTF-8"))
                                .text(text -> text.data(email.textBody()).charset("UTF-8")))
                        .headers(headers)))
                .build();
    }

    private static MessageHeader header(String name, String value) {
        return MessageHeader.builder().name(name).value(value).build();
    }
}

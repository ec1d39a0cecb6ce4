package com.example.serverless.email;

import java.util.regex.Pattern;

/**
 * The one address rule for recipients and for our sender: a plain {@code local@domain} in 7-bit
 * ASCII (SES supports no SMTPUTF8; an international domain must arrive in Punycode), a dot-atom local part of at
 * most 64 characters, a domain of two or more letter-digit-hyphen labels, 254 characters in all. It is narrower than
 * RFC 5322 (no quoted local parts, no display names, no address literals) on purpose: an address it accepts is one
 * SES accepts too, so when SES calls an address in our request malformed, the recipient is the one to blame.
 */
public final class EmailAddress {

    private static final Pattern WELL_FORMED = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?");

    private EmailAddress() {
    }

    public static boolean isWellFormed(String address) {
        return address != null
                && address.length() <= 254
                && address.indexOf('@') <= 64
                && WELL_FORMED.matcher(address).matches();
    }
}

package com.example.serverless.email;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void plainAsciiAddressesAreWellFormed() {
        for (String address : List.of("ada@example.com", "Ada.Lovelace+blog@mail.example.co.uk", "o'brien@example.ie",
                "x@xn--bcher-kva.example", "reader-1@sub-domain.example.org")) {
            assertTrue(EmailAddress.isWellFormed(address), address);
        }
    }

    @Test
    void whatSesCouldRefuseIsNot() {
        for (String address : List.of("", "ada", "ada@", "@example.com", "ada@example", "ada@@example.com",
                "ada lovelace@example.com", "ada.@example.com", ".ada@example.com", "ada..l@example.com",
                "ada@example..com", "ada@-example.com", "ada@example.com.", "Ada <ada@example.com>",
                "\"ada\"@example.com", "adä@example.com", "ada@bücher.example", "ada@example.com\n",
                "a".repeat(65) + "@example.com", "ada@" + "a".repeat(250) + ".com")) {
            assertFalse(EmailAddress.isWellFormed(address), address);
        }
        assertFalse(EmailAddress.isWellFormed(null));
    }
}

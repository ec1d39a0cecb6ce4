package com.example.serverless.blogapi.api;

import com.example.serverless.email.EmailAddress;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An address SES will take, by the same rule the sender applies before mailing ({@link EmailAddress}): what passes
 * here is never skipped later as malformed, and what SES would refuse is refused here with a 400.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SesAddress.Validator.class)
public @interface SesAddress {

    String message() default "must be a plain address (local@domain, ASCII, at most 254 characters)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<SesAddress, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            // null and blank are @NotBlank's to report.
            return value == null || value.isBlank() || EmailAddress.isWellFormed(value);
        }
    }
}

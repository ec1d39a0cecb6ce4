package com.example.serverless.blogapi.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /subscriptions/confirmation}: the token of the link in the confirmation email. */
public record ConfirmationRequest(@NotBlank @Size(max = 512) String token) {
}

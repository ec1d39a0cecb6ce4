package com.example.serverless.blogapi.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** {@code POST /subscriptions}: an address and the topics (tags) it wants; no tags means every post. */
public record SubscriptionRequest(
        @NotBlank @Size(max = 254) @SesAddress String email,
        @NotNull @Size(max = 10) Set<@NotNull @Pattern(regexp = Tags.PATTERN, message = Tags.MESSAGE) String> tags) {
}

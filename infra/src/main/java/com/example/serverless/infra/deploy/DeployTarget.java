package com.example.serverless.infra.deploy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Where a stack goes. The deployer has one code path; a target only supplies its endpoint and
 * credentials and, where it cannot run the template as AWS does, adapts the packaging and the template.
 */
public interface DeployTarget {

    String name();

    /** Endpoint for every AWS client, empty for AWS itself. */
    Optional<URI> endpoint();

    Region region();

    AwsCredentialsProvider credentials();

    /** Changes the template needs on this target before the function code is uploaded. */
    default void adapt(SamTemplate template) {
    }

    /** The zip to upload for a function, from the one the build produced (the adapted template says what it runs). */
    default Path packageFunction(SamTemplate template, String functionId, Path builtZip) {
        return builtZip;
    }

    /** Settings this target's CloudFormation does not apply from the template, made on the deployed stack after each deploy. */
    default void afterDeploy(SamTemplate template, StackOutputs outputs, TargetClients clients) {
    }

    /** The template body to submit; CloudFormation applies the SAM transform itself unless a target says otherwise. */
    default String templateBody(SamTemplate template, Map<String, String> parameters) {
        return template.toJson();
    }

    /** Where a browser calls Cognito's user pool API (the blog's author page signs in there). */
    default URI cognitoEndpoint() {
        return endpoint().orElse(URI.create("https://cognito-idp." + region().id() + ".amazonaws.com/"));
    }

    /** Where a viewer opens the blog site, whose distribution the stack outputs as {@code SiteUrl}. */
    default URI siteUrl(String siteUrlOutput) {
        return URI.create(siteUrlOutput);
    }

    /** The base URL a client calls for an HTTP API whose URL the stack outputs as {@code https://<id>.execute-api...}. */
    default URI httpApiBaseUrl(String apiUrlOutput) {
        return URI.create(apiUrlOutput);
    }
}

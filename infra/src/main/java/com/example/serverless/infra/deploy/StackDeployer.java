package com.example.serverless.infra.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Deploys a SAM template as {@code sam deploy} does: uploads each function's built zip to a deployment
 * bucket under a content-hash key, points CodeUri at it, creates or updates the stack, waits, and returns
 * the Outputs. The same code for every target; the target adapts packaging and template where it must.
 */
public final class StackDeployer {

    private static final System.Logger LOG = System.getLogger(StackDeployer.class.getName());
    /** CloudFormation's limit for TemplateBody; larger templates go through the bucket. */
    private static final int MAX_TEMPLATE_BODY = 51_200;
    private static final Set<StackStatus> DONE = Set.of(StackStatus.CREATE_COMPLETE, StackStatus.UPDATE_COMPLETE);
    private static final Set<StackStatus> FAILED = Set.of(StackStatus.CREATE_FAILED, StackStatus.ROLLBACK_COMPLETE,
            StackStatus.ROLLBACK_FAILED, StackStatus.UPDATE_ROLLBACK_COMPLETE, StackStatus.UPDATE_ROLLBACK_FAILED,
            StackStatus.UPDATE_FAILED, StackStatus.DELETE_COMPLETE, StackStatus.DELETE_FAILED);

    private final DeployTarget target;
    private final TargetClients clients;

    public StackDeployer(DeployTarget target) {
        this.target = target;
        this.clients = new TargetClients(target);
    }

    public StackOutputs deploy(Deployment deployment) {
        SamTemplate template = SamTemplate.load(deployment.template());
        target.adapt(template);
        try (S3Client s3 = clients.s3(); CloudFormationClient cloudFormation = clients.cloudFormation()) {
            ensureBucket(s3, deployment.deploymentBucket());
            for (String functionId : template.functionIds()) {
                Path built = template.codeUri(functionId);
                if (!Files.isRegularFile(built)) {
                    throw new IllegalStateException(functionId + ": " + built + " does not exist; build the modules first (./mvnw package)");
                }
                Path artifact = target.packageFunction(template, functionId, built);
                String key = upload(s3, deployment.deploymentBucket(), "functions/" + functionId, artifact, ".zip");
                template.useCode(functionId, deployment.deploymentBucket(), key);
            }
            String body = target.templateBody(template, deployment.parameters());
            TemplateLocation location = body.length() <= MAX_TEMPLATE_BODY ? new TemplateLocation(body, null)
                    : new TemplateLocation(null, templateUrl(s3, deployment.deploymentBucket(), body));
            StackOutputs outputs = createOrUpdate(cloudFormation, deployment, location);
            target.afterDeploy(template, outputs, clients);
            publishSite(s3, deployment, outputs);
            return outputs;
        }
    }

    /** The blog site's files go with the stack they call (infra/site, beside the template). */
    private void publishSite(S3Client s3, Deployment deployment, StackOutputs outputs) {
        Path site = deployment.template().toAbsolutePath().resolveSibling("site");
        if (outputs.values().containsKey("SiteBucketName") && Files.isDirectory(site)) {
            SiteFiles.publish(s3, outputs.get("SiteBucketName"), site, outputs.get("UserPoolClientId"),
                    target.cognitoEndpoint());
        }
    }

    private record TemplateLocation(String body, String url) {
    }

    private StackOutputs createOrUpdate(CloudFormationClient cloudFormation, Deployment deployment, TemplateLocation template) {
        String stackName = deployment.stackName();
        List<Parameter> parameters = deployment.parameters().entrySet().stream()
                .map(entry -> Parameter.builder().parameterKey(entry.getKey()).parameterValue(entry.getValue()).build())
                .toList();
        Stack existing = describe(cloudFormation, stackName);
        if (existing != null && existing.stackStatus() == StackStatus.ROLLBACK_COMPLETE) {
            // A stack whose creation failed cannot be updated, only deleted (as sam deploy does).
            LOG.log(System.Logger.Level.INFO, "Stack {0} is in ROLLBACK_COMPLETE: deleting it before creating it again", stackName);
            cloudFormation.deleteStack(b -> b.stackName(stackName));
            waitFor(cloudFormation, stackName, deployment, Instant.now(), true);
            existing = null;
        }
        Instant started = Instant.now();
        if (existing == null) {
            LOG.log(System.Logger.Level.INFO, "Creating stack {0} on {1}", stackName, target.name());
            cloudFormation.createStack(b -> b.stackName(stackName).templateBody(template.body()).templateURL(template.url())
                    .parameters(parameters).capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_AUTO_EXPAND));
        } else {
            LOG.log(System.Logger.Level.INFO, "Updating stack {0} on {1}", stackName, target.name());
            try {
                cloudFormation.updateStack(b -> b.stackName(stackName).templateBody(template.body()).templateURL(template.url())
                        .parameters(parameters).capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_AUTO_EXPAND));
            } catch (CloudFormationException e) {
                if (e.getMessage() != null && e.getMessage().contains("No updates are to be performed")) {
                    LOG.log(System.Logger.Level.INFO, "Stack {0} is up to date", stackName);
                    return outputs(existing);
                }
                throw e;
            }
        }
        return outputs(waitFor(cloudFormation, stackName, deployment, started, false));
    }

    private Stack waitFor(CloudFormationClient cloudFormation, String stackName, Deployment deployment, Instant started,
                          boolean deleting) {
        Instant deadline = Instant.now().plus(deployment.timeout());
        while (true) {
            Stack stack = describe(cloudFormation, stackName);
            if (deleting && (stack == null || stack.stackStatus() == StackStatus.DELETE_COMPLETE)) {
                return stack;
            }
            if (stack != null && DONE.contains(stack.stackStatus())) {
                return stack;
            }
            if (stack == null || FAILED.contains(stack.stackStatus())) {
                throw new DeploymentFailedException("Stack " + stackName + " failed on " + target.name() + ": "
                        + (stack == null ? "it no longer exists" : stack.stackStatus() + " " + stack.stackStatusReason()),
                        failedResources(cloudFormation, stackName, started));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new DeploymentFailedException("Stack " + stackName + " still " + stack.stackStatus() + " after "
                        + deployment.timeout(), failedResources(cloudFormation, stackName, started));
            }
            sleep(1_000);
        }
    }

    private static Stack describe(CloudFormationClient cloudFormation, String stackName) {
        try {
            return cloudFormation.describeStacks(b -> b.stackName(stackName)).stacks().getFirst();
        } catch (CloudFormationException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not exist")) {
                return null;
            }
            throw e;
        }
    }

    private static List<DeploymentFailedException.FailedResource> failedResources(CloudFormationClient cloudFormation,
                                                                                String stackName, Instant since) {
        List<DeploymentFailedException.FailedResource> failed = new ArrayList<>();
        try {
            for (StackEvent event : cloudFormation.describeStackEventsPaginator(b -> b.stackName(stackName)).stackEvents()) {
                if (event.timestamp() != null && event.timestamp().isBefore(since.minusSeconds(5))) {
                    break;
                }
                if (event.resourceStatusAsString() != null && event.resourceStatusAsString().endsWith("_FAILED")) {
                    failed.add(new DeploymentFailedException.FailedResource(event.logicalResourceId(),
                            event.resourceType(), event.resourceStatusAsString(), event.resourceStatusReason()));
                }
            }
        } catch (CloudFormationException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot read the events of stack {0}: {1}", stackName, e.getMessage());
        }
        return failed;
    }

    private static StackOutputs outputs(Stack stack) {
        Map<String, String> values = stack.outputs().stream()
                .collect(Collectors.toMap(Output::outputKey, Output::outputValue));
        return new StackOutputs(stack.stackName(), values);
    }

    private static void ensureBucket(S3Client s3, String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(b -> b.bucket(bucket));
        }
    }

    /** Uploads under a content-hash key, once: an unchanged zip keeps its key, so the function is not updated. */
    private static String upload(S3Client s3, String bucket, String prefix, Path file, String suffix) {
        String key = prefix + "/" + sha256(file) + suffix;
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return key;
        } catch (NoSuchKeyException e) {
            // not there yet
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
        }
        LOG.log(System.Logger.Level.INFO, "Uploading {0} to s3://{1}/{2}", file, bucket, key);
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
        return key;
    }

    private static String templateUrl(S3Client s3, String bucket, String body) {
        try {
            Path file = Files.createTempFile("template", ".json");
            Files.writeString(file, body);
            String key = upload(s3, bucket, "templates", file, ".json");
            Files.delete(file);
            return s3.utilities().getUrl(b -> b.bucket(bucket).key(key)).toExternalForm();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot stage the template for upload", e);
        }
    }

    private static String sha256(Path file) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash " + file, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the stack", e);
        }
    }
}

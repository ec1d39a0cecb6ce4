package com.example.serverless.localaws;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts the {@link SesV2StandIn} for a Quarkus test. There is no Quarkiverse SES extension, so there is no
 * {@code quarkus.sesv2.*} to set: this resource publishes the stand-in's endpoint under the neutral key
 * {@value #ENDPOINT_PROPERTY}, and each module maps it onto its own client configuration, e.g.
 * {@code %test.blog.ses.endpoint-override=${local-aws.ses.endpoint}}. Tests reach the stand-in itself (sent
 * emails, throttling, rejections) through a field annotated {@link InjectSesV2StandIn}.
 */
public final class LocalSesTestResource implements QuarkusTestResourceLifecycleManager {

    /** The stand-in's base URL, for the module's SES v2 client {@code endpointOverride}. */
    public static final String ENDPOINT_PROPERTY = "local-aws.ses.endpoint";

    private SesV2StandIn ses;

    @Override
    public Map<String, String> start() {
        ses = SesV2StandIn.start();
        return Map.of(ENDPOINT_PROPERTY, ses.endpoint().toString());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(ses,
                new TestInjector.AnnotatedAndMatchesType(InjectSesV2StandIn.class, SesV2StandIn.class));
    }

    @Override
    public void stop() {
        if (ses != null) {
            ses.close();
        }
    }
}

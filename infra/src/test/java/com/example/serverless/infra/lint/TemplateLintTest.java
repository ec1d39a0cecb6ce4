package com.example.serverless.infra.lint;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build lints the template with its defaults, where EnableDax is off. This shows that the resources behind the
 * condition are linted all the same: the local cloud has no DAX, so cfn-lint is the only check they get before AWS.
 */
class TemplateLintTest {

    @Test
    void aMistakeInAResourceBehindEnableDaxFailsTheLint(@TempDir Path dir) throws IOException {
        String template = Files.readString(Path.of("template.yaml"));
        String subnetGroup = "      SubnetGroupName: !Ref TodoDaxSubnetGroup\n";
        assertThat("control: the DAX cluster is conditional", template,
                containsString("  TodoDaxCluster:\n    Type: AWS::DAX::Cluster\n    Condition: EnableDax\n"));
        assertThat("control: the cluster names its subnet group", template, containsString(subnetGroup));
        // SubnetGroup is not a property of AWS::DAX::Cluster (SubnetGroupName is).
        String broken = template.replace(subnetGroup, "      SubnetGroup: !Ref TodoDaxSubnetGroup\n");
        Path copy = Files.writeString(dir.resolve("template.yaml"), broken);

        List<String> failures = TemplateLint.failures(copy);

        assertThat(failures, not(empty()));
        assertThat(String.join("\n", failures), containsString("SubnetGroup"));
    }
}

package com.example.serverless.infra.deploy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackOutputsTest {

    private final StackOutputs outputs = new StackOutputs("e2e", Map.of("ApiUrl", "https://abc.execute-api.us-east-1.amazonaws.com",
            "UserPoolId", "us-east-1_abc"));

    @Test
    void outputIsReadByKey() {
        assertThat(outputs.get("UserPoolId"), equalTo("us-east-1_abc"));
    }

    @Test
    void missingOutputNamesTheStackTheKeyAndTheKeysThereAre() {
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> outputs.get("TodosTableName"));
        assertThat(missing.getMessage(), equalTo("Stack e2e has no output TodosTableName; it has [ApiUrl, UserPoolId]"));
    }

    @Test
    void outputsAreACopy() {
        Map<String, String> values = new HashMap<>(Map.of("ApiUrl", "https://a"));
        StackOutputs copied = new StackOutputs("e2e", values);
        values.put("ApiUrl", "https://b");

        assertThat(copied.get("ApiUrl"), equalTo("https://a"));
        assertThrows(UnsupportedOperationException.class, () -> copied.values().put("X", "y"));
        assertThat(copied.toString(), containsString("e2e"));
    }
}

package com.example.serverless.infra.deploy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamTemplateTest {

    private static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Stage:
                Type: String
                Default: prod
              SigningKey:
                Type: String
                NoEcho: true
              KeyWithDefault:
                Type: String
                NoEcho: true
                Default: not-a-secret-to-fill
            Globals:
              Function:
                Runtime: java21
                MemorySize: 1024
                SnapStart:
                  ApplyOn: PublishedVersions
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
              FirstFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: ../first/target/function.zip
                  Environment:
                    Variables:
                      TABLE: !Ref Table
                      TABLE_ARN: !GetAtt Table.Arn
                      NAME: !Sub "${AWS::StackName}-first"
              SecondFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: ../second/target/function.zip
                  Runtime: java17
                  SnapStart:
                    ApplyOn: PublishedVersions
            """;

    @TempDir
    Path dir;
    private Path file;

    @BeforeEach
    void writeTemplate() throws IOException {
        Path infra = Files.createDirectories(dir.resolve("infra"));
        file = Files.writeString(infra.resolve("template.yaml"), TEMPLATE);
    }

    @Test
    void functionIdsAreTheServerlessFunctionsInTemplateOrder() {
        assertThat(SamTemplate.load(file).functionIds(), equalTo(List.of("FirstFunction", "SecondFunction")));
    }

    @Test
    void codeUriResolvesAgainstTheTemplatesDirectory() {
        assertThat(SamTemplate.load(file).codeUri("SecondFunction"), equalTo(dir.resolve("second/target/function.zip")));
    }

    @Test
    void useCodePointsCodeUriAtTheUploadedObject() throws IOException {
        SamTemplate template = SamTemplate.load(file);
        template.useCode("FirstFunction", "deployments", "functions/FirstFunction/abc.zip");

        JsonNode codeUri = json(template).at("/Resources/FirstFunction/Properties/CodeUri");
        assertThat(codeUri.get("Bucket").asText(), equalTo("deployments"));
        assertThat(codeUri.get("Key").asText(), equalTo("functions/FirstFunction/abc.zip"));
        assertThat(json(template).at("/Resources/SecondFunction/Properties/CodeUri").asText(),
                equalTo("../second/target/function.zip"));
    }

    @Test
    void codeUriThatIsNotALocalPathIsRefusedWithTheFunctionsName() {
        SamTemplate template = SamTemplate.load(file);
        template.useCode("FirstFunction", "deployments", "key.zip");

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> template.codeUri("FirstFunction"));
        assertThat(refused.getMessage(), containsString("FirstFunction: CodeUri must be a local path"));
    }

    @Test
    void shortFormIntrinsicsBecomeTheirJsonForm() throws IOException {
        JsonNode variables = json(SamTemplate.load(file)).at("/Resources/FirstFunction/Properties/Environment/Variables");
        assertThat(variables.get("TABLE").toString(), equalTo("{\"Ref\":\"Table\"}"));
        assertThat(variables.get("TABLE_ARN").toString(), equalTo("{\"Fn::GetAtt\":[\"Table\",\"Arn\"]}"));
        assertThat(variables.get("NAME").toString(), equalTo("{\"Fn::Sub\":\"${AWS::StackName}-first\"}"));
    }

    @Test
    void setFunctionPropertyChangesGlobalsAndEveryFunctionThatSetsItItself() throws IOException {
        SamTemplate template = SamTemplate.load(file);
        template.setFunctionProperty("Runtime", "provided.al2023");

        JsonNode tree = json(template);
        assertThat(tree.at("/Globals/Function/Runtime").asText(), equalTo("provided.al2023"));
        assertThat(tree.at("/Resources/SecondFunction/Properties/Runtime").asText(), equalTo("provided.al2023"));
        assertThat("a function that inherits it keeps inheriting it",
                tree.at("/Resources/FirstFunction/Properties").has("Runtime"), equalTo(false));
    }

    @Test
    void removeFunctionPropertyRemovesItFromGlobalsAndEveryFunction() {
        SamTemplate template = SamTemplate.load(file);
        template.removeFunctionProperty("SnapStart");

        assertThat(template.toJson(), not(containsString("SnapStart")));
        assertThat(template.toJson(), containsString("\"MemorySize\":1024"));
    }

    @Test
    void theFileOnDiskIsNeverChanged() throws IOException {
        SamTemplate template = SamTemplate.load(file);
        template.useCode("FirstFunction", "deployments", "key.zip");
        template.removeFunctionProperty("SnapStart");

        assertThat(Files.readString(file), equalTo(TEMPLATE));
    }

    @Test
    void missingTemplateIsReportedWithItsPath() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> SamTemplate.load(dir.resolve("nowhere.yaml")));
        assertThat(refused.getMessage(), containsString("nowhere.yaml"));
    }

    @Test
    void theRealTemplateLoadsWithEveryFunctionBuiltByAModule() {
        SamTemplate template = SamTemplate.load(Path.of("template.yaml"));
        assertThat(template.tree(), hasKey("Resources"));
        for (String function : template.functionIds()) {
            assertThat(function, template.codeUri(function).toString(), containsString("/target/function.zip"));
        }
    }

    private static JsonNode json(SamTemplate template) throws IOException {
        return new ObjectMapper().readTree(template.toJson());
    }
}

package com.example.serverless.infra.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A SAM template as a tree, read from YAML (short-form intrinsics such as {@code !Ref} become their JSON
 * form) and written as the JSON body CloudFormation accepts. The deployer rewrites it before each deploy;
 * the file on disk is never changed.
 */
public final class SamTemplate {

    public static final String FUNCTION_TYPE = "AWS::Serverless::Function";

    private static final List<String> INTRINSICS = List.of("And", "Base64", "Cidr", "Equals", "FindInMap",
            "GetAtt", "GetAZs", "If", "ImportValue", "Join", "Length", "Not", "Or", "Select", "Split", "Sub",
            "ToJsonString", "Transform");

    private final Path directory;
    private final Map<String, Object> tree;

    private SamTemplate(Path directory, Map<String, Object> tree) {
        this.directory = directory;
        this.tree = tree;
    }

    public static SamTemplate load(Path file) {
        Yaml yaml = new Yaml(new IntrinsicTags(new LoaderOptions()));
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> tree = yaml.load(reader);
            return new SamTemplate(file.toAbsolutePath().getParent(), tree);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the template " + file, e);
        }
    }

    /** Logical ids of the template's AWS::Serverless::Function resources, in template order. */
    public List<String> functionIds() {
        return resourceIds(FUNCTION_TYPE);
    }

    /** Logical ids of the template's resources of this type, in template order. */
    public List<String> resourceIds(String type) {
        return resources().entrySet().stream()
                .filter(entry -> type.equals(map(entry.getValue()).get("Type")))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The function's CodeUri, a path relative to the template (../module/target/function.zip). */
    public Path codeUri(String functionId) {
        Object codeUri = functionProperties(functionId).get("CodeUri");
        if (!(codeUri instanceof String path)) {
            throw new IllegalStateException(functionId + ": CodeUri must be a local path to the built zip, found " + codeUri);
        }
        return directory.resolve(path).normalize();
    }

    public void useCode(String functionId, String bucket, String key) {
        functionProperties(functionId).put("CodeUri", new LinkedHashMap<>(Map.of("Bucket", bucket, "Key", key)));
    }

    /** Sets a property on every function: in Globals.Function and wherever a function sets it itself. */
    public void setFunctionProperty(String name, Object value) {
        globalFunctionProperties().put(name, value);
        functionIds().forEach(id -> functionProperties(id).computeIfPresent(name, (k, old) -> value));
    }

    /** Removes a property from Globals.Function and from every function. */
    public void removeFunctionProperty(String name) {
        globalFunctionProperties().remove(name);
        functionIds().forEach(id -> functionProperties(id).remove(name));
    }

    /** The function's handler string: its own, or Globals.Function's. */
    public String handler(String functionId) {
        Object handler = functionProperties(functionId).getOrDefault("Handler", globalFunctionProperties().get("Handler"));
        if (!(handler instanceof String name)) {
            throw new IllegalStateException(functionId + " has no Handler string: " + handler);
        }
        return name;
    }

    /** The function's environment variables as the template writes them (Globals.Function's first, its own over them). */
    public Map<String, Object> environment(String functionId) {
        Map<String, Object> variables = new LinkedHashMap<>(variables(globalFunctionProperties()));
        variables.putAll(variables(functionProperties(functionId)));
        return variables;
    }

    private static Map<String, Object> variables(Map<String, Object> properties) {
        if (properties.get("Environment") instanceof Map<?, ?> environment && environment.get("Variables") instanceof Map<?, ?> variables) {
            return map(variables);
        }
        return Map.of();
    }

    /** Functions with an event of this SAM type (HttpApi, SQS, S3...) in their Events. */
    public List<String> functionsWithEventType(String type) {
        return functionIds().stream()
                .filter(id -> functionProperties(id).get("Events") instanceof Map<?, ?> events && events.values().stream()
                        .anyMatch(event -> event instanceof Map<?, ?> e && type.equals(e.get("Type"))))
                .toList();
    }

    /** Functions with an inline policy statement (in Policies) that allows this action. */
    public List<String> functionsWithInlineAction(String action) {
        return functionIds().stream()
                .filter(id -> inlineStatements(id).stream().anyMatch(statement -> actions(statement).contains(action)))
                .toList();
    }

    /** The function's inline statements that allow this action (as written, intrinsics unresolved). */
    public List<Map<String, Object>> inlineStatementsWithAction(String functionId, String action) {
        return inlineStatements(functionId).stream().filter(statement -> actions(statement).contains(action)).toList();
    }

    /** Adds one inline policy document with this statement to the function's Policies. */
    public void addInlineStatement(String functionId, Map<String, Object> statement) {
        Object policies = functionProperties(functionId).computeIfAbsent("Policies", k -> new java.util.ArrayList<>());
        if (!(policies instanceof List<?>)) {
            throw new IllegalStateException(functionId + ": Policies must be a list to add a statement to");
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) policies;
        list.add(new LinkedHashMap<>(Map.of("Statement", List.of(new LinkedHashMap<>(statement)))));
    }

    private List<Map<String, Object>> inlineStatements(String functionId) {
        if (!(functionProperties(functionId).get("Policies") instanceof List<?> policies)) {
            return List.of();
        }
        return policies.stream()
                .filter(policy -> policy instanceof Map<?, ?> document && document.get("Statement") instanceof List<?>)
                .flatMap(policy -> ((List<?>) map(policy).get("Statement")).stream().map(SamTemplate::map))
                .toList();
    }

    private static List<String> actions(Map<String, Object> statement) {
        Object action = statement.get("Action");
        if (action instanceof List<?> actions) {
            return actions.stream().map(String::valueOf).toList();
        }
        return action == null ? List.of() : List.of(String.valueOf(action));
    }

    /** A resource's Properties, to change in place. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> properties(String logicalId) {
        Map<String, Object> resource = (Map<String, Object>) ((Map<String, Object>) tree.get("Resources")).get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("The template has no resource " + logicalId);
        }
        return (Map<String, Object>) resource.get("Properties");
    }

    public Map<String, Object> tree() {
        return tree;
    }

    public String toJson() {
        try {
            return new ObjectMapper().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the template as JSON", e);
        }
    }

    private Map<String, Object> resources() {
        return map(tree.get("Resources"));
    }

    private Map<String, Object> functionProperties(String functionId) {
        Map<String, Object> resource = map(resources().get(functionId));
        return map(resource.computeIfAbsent("Properties", k -> new LinkedHashMap<>()));
    }

    private Map<String, Object> globalFunctionProperties() {
        Map<String, Object> globals = map(tree.computeIfAbsent("Globals", k -> new LinkedHashMap<>()));
        return map(globals.computeIfAbsent("Function", k -> new LinkedHashMap<>()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        if (node instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalStateException("Expected a mapping in the template, found " + node);
    }

    /** Reads {@code !Ref X} as {"Ref": X}, {@code !GetAtt A.B} as {"Fn::GetAtt": [A, B]}, {@code !Sub s} as {"Fn::Sub": s}. */
    private static final class IntrinsicTags extends SafeConstructor {

        IntrinsicTags(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            INTRINSICS.forEach(name -> yamlConstructors.put(new Tag("!" + name), new Intrinsic("Fn::" + name)));
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value = switch (node) {
                    case ScalarNode scalar -> constructScalar(scalar);
                    case SequenceNode sequence -> constructSequence(sequence);
                    case MappingNode mapping -> constructMapping(mapping);
                    default -> throw new IllegalStateException("Unexpected YAML node " + node);
                };
                if (key.equals("Fn::GetAtt") && value instanceof String dotted) {
                    value = List.of(dotted.split("\\.", 2));
                }
                Map<String, Object> intrinsic = new LinkedHashMap<>();
                intrinsic.put(key, value);
                return intrinsic;
            }
        }
    }
}

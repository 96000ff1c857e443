package io.clusterdeck.design;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.clusterdeck.json.Checks;
import java.util.regex.Pattern;

/** A function implemented by a method of a class in a function bundle jar. */
public record JavaImplementation(String bundle, @JsonProperty("class") String className, String method) {
    private static final Pattern CLASS = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");
    private static final Pattern METHOD = Pattern.compile("[A-Za-z_$][\\w$]*");

    public JavaImplementation {
        new Checks()
                .name("bundle", bundle, Checks.LOWER_NAME, Names.LOWER_RULE)
                .name("class", className, CLASS, "expected a fully qualified class name such as com.example.Orders")
                .name("method", method, METHOD, "expected a Java method name")
                .throwIfAny();
    }
}

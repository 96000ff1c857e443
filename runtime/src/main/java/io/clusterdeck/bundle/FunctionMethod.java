package io.clusterdeck.bundle;

import io.clusterdeck.design.Function;
import java.lang.reflect.Method;
import java.util.List;

/** A method marked as a cluster function, with the design record it describes and how its parameters bind. */
record FunctionMethod(Function function, Method method, List<BoundParameter> parameters) {
    FunctionMethod {
        parameters = List.copyOf(parameters);
    }

    /** {@code com.example.Pricing.quote}, as messages name it. */
    String where() {
        return method.getDeclaringClass().getName() + "." + method.getName();
    }
}

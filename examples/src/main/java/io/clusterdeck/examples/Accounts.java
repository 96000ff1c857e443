package io.clusterdeck.examples;

import io.clusterdeck.function.Access;
import io.clusterdeck.function.ClusterFunction;
import io.clusterdeck.function.FunctionContext;
import java.util.List;

/** What a function knows of the end user it works for, when the design signs its callers in at the proxy. */
public final class Accounts {
    /** Who is calling: the subject and roles of a signed-in user, or an anonymous caller. */
    public record Caller(boolean signedIn, String subject, List<String> roles) {
    }

    @ClusterFunction(name = "account/whoami", access = Access.PUBLIC, idempotent = true,
            description = "Says who the caller is: the subject and roles of their verified token, or anonymous.")
    public static Caller whoami(FunctionContext context) {
        return context.user().map(user -> new Caller(true, user.subject(), user.roles()))
                .orElse(new Caller(false, null, List.of()));
    }
}

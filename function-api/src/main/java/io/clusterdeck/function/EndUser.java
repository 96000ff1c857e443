package io.clusterdeck.function;

import java.util.List;
import java.util.Objects;

/**
 * The end user a call is made for, as the proxy verified them from their token: a function reads it from
 * {@link FunctionContext#user()} to decide what this caller may see or do.
 *
 * @param subject who the token's issuer says the caller is (its {@code sub})
 * @param roles   the roles the token grants
 */
public record EndUser(String subject, List<String> roles) {
    public EndUser {
        Objects.requireNonNull(subject, "subject");
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}

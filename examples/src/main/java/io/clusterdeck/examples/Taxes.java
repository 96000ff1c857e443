package io.clusterdeck.examples;

import io.clusterdeck.function.Access;
import io.clusterdeck.function.ArgumentException;
import io.clusterdeck.function.ClusterFunction;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** Sales tax, kept apart from pricing so that a design can give it a segment of its own. */
public final class Taxes {
    /** Standard VAT rates, in percent. */
    private static final Map<String, BigDecimal> RATES = new TreeMap<>(Map.of(
            "BE", new BigDecimal("21"), "DE", new BigDecimal("19"), "FR", new BigDecimal("20"),
            "GB", new BigDecimal("20"), "NL", new BigDecimal("21")));

    /** The tax due on an amount. */
    public record TaxDue(String country, BigDecimal rate, BigDecimal tax) {
    }

    /** Every country's standard VAT rate, in percent: for administrators, so the design lets only them call it. */
    @ClusterFunction(name = "pricing/rates", access = Access.PUBLIC, idempotent = true, roles = "admin",
            description = "Every country's standard VAT rate; administrators only.")
    public static Map<String, BigDecimal> rates() {
        return RATES;
    }

    @ClusterFunction(name = "pricing/tax", access = Access.PRIVATE, idempotent = true,
            description = "Sales tax due on an amount in a country, at its standard VAT rate.")
    public static TaxDue tax(BigDecimal amount, String country) {
        if (amount.signum() < 0) {
            throw new ArgumentException("amount", "must be 0 or more, was " + amount.toPlainString());
        }
        var rate = RATES.get(country);
        if (rate == null) {
            throw new ArgumentException("country", "has no known tax rate: '" + country + "'; known are "
                    + String.join(", ", RATES.keySet()));
        }
        var tax = Pricing.money(amount.multiply(rate).movePointLeft(2));
        return new TaxDue(country, rate, tax);
    }
}

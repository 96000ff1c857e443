package io.clusterdeck.examples;

import io.clusterdeck.function.Access;
import io.clusterdeck.function.ArgumentException;
import io.clusterdeck.function.CallException;
import io.clusterdeck.function.ClusterFunction;
import io.clusterdeck.function.FunctionContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Prices orders. The tax comes from {@code pricing/tax}, wherever the design runs it. */
public final class Pricing {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Map<String, Integer> LOYALTY_PERCENT = Map.of("standard", 0, "silver", 3, "gold", 5);

    /** One line of an order; it refuses values that cannot be priced. */
    public record Line(String sku, int quantity, BigDecimal unitPrice) {
        public Line {
            if (sku == null || sku.isBlank()) {
                throw new IllegalArgumentException("sku is required");
            }
            if (quantity < 1) {
                throw new IllegalArgumentException("quantity of '" + sku + "' must be at least 1, was " + quantity);
            }
            if (unitPrice == null || unitPrice.signum() < 0) {
                throw new IllegalArgumentException("unitPrice of '" + sku + "' must be 0 or more, was " + unitPrice);
            }
        }

        BigDecimal amount() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity));
        }
    }

    /** A discount rule that applied, and what it took off. */
    public record Discount(String rule, BigDecimal amount) {
    }

    /** The price of an order: its subtotal, the discounts that applied, the tax and the total. */
    public record Quote(BigDecimal subtotal, List<Discount> discounts, BigDecimal net, String country,
                        BigDecimal taxRate, BigDecimal tax, BigDecimal total) {
    }

    /**
     * Prices an order. Volume discounts apply per line (5% from 10 units, 10% from 50), then the customer's
     * loyalty tier takes a percentage off the rest (silver 3%, gold 5%); tax is charged on what remains.
     */
    @ClusterFunction(name = "pricing/quote", access = Access.PUBLIC, idempotent = true, calls = "pricing/tax",
            description = "Prices an order: volume and loyalty discounts, then the sales tax of the country.")
    public Quote quote(List<Line> lines, String country, Optional<String> tier, FunctionContext context) {
        if (lines.isEmpty()) {
            throw new ArgumentException("lines", "must hold at least one line");
        }
        var subtotal = money(lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        var discounts = new ArrayList<Discount>();
        for (var line : lines) {
            int percent = line.quantity() >= 50 ? 10 : line.quantity() >= 10 ? 5 : 0;
            if (percent > 0) {
                discounts.add(new Discount("volume " + percent + "% on " + line.quantity() + " x " + line.sku(),
                        percentOf(line.amount(), percent)));
            }
        }
        String loyalty = tier.orElse("standard");
        Integer loyaltyPercent = LOYALTY_PERCENT.get(loyalty);
        if (loyaltyPercent == null) {
            throw new ArgumentException("tier", "must be one of gold, silver, standard, was '" + loyalty + "'");
        }
        var afterVolume = subtotal.subtract(sum(discounts));
        if (loyaltyPercent > 0) {
            discounts.add(new Discount(loyalty + " customer " + loyaltyPercent + "%", percentOf(afterVolume, loyaltyPercent)));
        }
        var net = subtotal.subtract(sum(discounts));

        var tax = taxOf(net, country, context);

        var taxAmount = money(new BigDecimal(tax.get("tax").toString()));
        return new Quote(subtotal, discounts, net, country, new BigDecimal(tax.get("rate").toString()), taxAmount,
                net.add(taxAmount));
    }

    private static Map<?, ?> taxOf(BigDecimal amount, String country, FunctionContext context) {
        try {
            // Another function, perhaps in another segment: the context decides how the call travels.
            return (Map<?, ?>) context.call("pricing/tax", Map.of("amount", amount, "country", country));
        } catch (CallException e) {
            if (e.status() == 400) {
                // The only argument of ours that pricing/tax can refuse is the country.
                throw new ArgumentException("country", "was refused by pricing/tax: " + e.getMessage());
            }
            throw e;
        }
    }

    private static BigDecimal percentOf(BigDecimal amount, int percent) {
        return money(amount.multiply(BigDecimal.valueOf(percent)).divide(HUNDRED));
    }

    private static BigDecimal sum(List<Discount> discounts) {
        return discounts.stream().map(Discount::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}

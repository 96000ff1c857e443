package io.clusterdeck.bundle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** A small bundle compiled for the tests: a catalog whose functions exercise every binding rule. */
final class ShopBundle {
    static final String CATALOG = """
            package com.example.shop;

            import io.clusterdeck.function.Access;
            import io.clusterdeck.function.ArgumentException;
            import io.clusterdeck.function.ClusterFunction;
            import io.clusterdeck.function.FunctionContext;
            import java.util.List;
            import java.util.Map;
            import java.util.Optional;

            public final class Catalog {
                public record Item(String sku, int quantity) {
                    public Item {
                        if (quantity < 1) throw new IllegalArgumentException("quantity must be at least 1, was " + quantity);
                    }
                }

                private final Map<String, Integer> stock = Map.of("apple", 3, "pear", 0);

                @ClusterFunction(name = "catalog/stock", access = Access.PUBLIC, idempotent = true,
                                 description = "Units of an item in stock.")
                public int stock(String sku) {
                    Integer units = stock.get(sku);
                    if (units == null) throw new ArgumentException("sku", "is not in the catalog: '" + sku + "'");
                    return units;
                }

                @ClusterFunction(name = "catalog/add")
                public static long add(long a, long b) {
                    return a + b;
                }

                @ClusterFunction(name = "catalog/count", access = Access.PROTECTED)
                public static Map<String, Object> count(List<Item> items, Optional<String> unit) {
                    return Map.of("units", items.stream().mapToInt(Item::quantity).sum(), "unit", unit.orElse("piece"));
                }

                @ClusterFunction(name = "catalog/first")
                public static Item first(List<Item> items) {
                    return items.get(0);
                }

                @ClusterFunction(name = "catalog/available", calls = "catalog/stock")
                public static boolean available(String sku, FunctionContext context) {
                    return ((Number) context.call("catalog/stock", Map.of("sku", sku))).intValue() > 0;
                }

                @ClusterFunction(name = "catalog/broken")
                public static void broken() {
                    throw new IllegalStateException("disk full");
                }

                public static int notAFunction() {
                    return 0;
                }
            }
            """;

    private ShopBundle() {
    }

    static Path jar(Path folder) throws IOException {
        return TestBundles.jar(folder, "shop.jar", Map.of("com.example.shop.Catalog", CATALOG));
    }
}

/**
 * Java function bundles: jars whose methods are marked with {@link io.clusterdeck.function.ClusterFunction}.
 * {@link io.clusterdeck.bundle.BundleScanner} reads a bundle's functions into design records without running any
 * of its code; {@link io.clusterdeck.bundle.BundleLoader} checks a bundle's SHA-256, loads it in a class loader of
 * its own and gives a {@link io.clusterdeck.bundle.FunctionInvoker} per function.
 */
package io.clusterdeck.bundle;

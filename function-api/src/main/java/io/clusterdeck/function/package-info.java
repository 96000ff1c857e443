/**
 * The API a Java function bundle is written against: {@link io.clusterdeck.function.ClusterFunction} marks a
 * method as a cluster function, {@link io.clusterdeck.function.Param} names a parameter, and
 * {@link io.clusterdeck.function.FunctionContext} lets a function call other functions of the cluster.
 *
 * <p>This package is the artifact {@code clusterdeck-function-api} and depends on nothing but {@code java.*}, so a
 * bundle needs no other library to compile against it.
 */
package io.clusterdeck.function;

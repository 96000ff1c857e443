/**
 * The example bundle: real functions that show how a bundle is written. {@code pricing/quote} prices an order
 * with discount rules and asks {@code pricing/tax}, which a design may place in another segment, for the tax;
 * {@code text/wordcount} counts words.
 */
package io.clusterdeck.examples;

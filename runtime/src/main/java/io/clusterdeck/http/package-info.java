/**
 * The services' HTTP toolkit: the I/O threads and buffers a service runs on ({@link io.clusterdeck.http.IoEngine}),
 * and a lean HTTP/1.1 client over pooled keep-alive connections ({@link io.clusterdeck.http.UpstreamClient}) that
 * forwards a call from the I/O thread that received it, without a thread hand-off, and relays the answer back
 * with back-pressure; and the server side every service is built from: its life, routing, bodies, answers, errors,
 * headers and metrics.
 */
package io.clusterdeck.http;

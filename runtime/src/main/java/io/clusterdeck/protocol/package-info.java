/**
 * The wire contract between the runtime's processes, one home for both ends: the paths the services answer on, the
 * headers they speak, and the messages that cross a process boundary (a worker's registration and the gateway's
 * answer, a gateway's view of its workers). Services write these, and the launcher, the workers and the app read
 * them back as the same records.
 */
package io.clusterdeck.protocol;

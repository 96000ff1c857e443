/**
 * Who belongs to a cluster and who may call what: the cluster key, the member tokens signed with it that any node
 * verifies on its own, and the access rules of public, protected and private functions.
 */
package io.clusterdeck.security;

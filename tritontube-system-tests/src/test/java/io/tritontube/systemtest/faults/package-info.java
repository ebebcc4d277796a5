/**
 * The fault suite: real processes killed and corrupted, hostile requests sent, and the
 * figures that prove nothing was lost or let in.
 */
package io.tritontube.systemtest.faults;

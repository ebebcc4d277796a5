/**
 * Parsing and validation of command-line values (node and server addresses, durations) before anything is
 * sent, so a typo is a usage error with exit status 1 instead of an RPC the server has to refuse.
 */
package io.tritontube.admin.argument;

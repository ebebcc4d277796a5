/**
 * The embedded default (SQLite metadata, file-system content) on a real Payara Micro:
 * uploading, watching, and every bad request refused.
 */
package io.tritontube.systemtest.embedded;

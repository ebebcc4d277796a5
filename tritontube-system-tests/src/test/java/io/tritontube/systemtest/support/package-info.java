/**
 * What the system tests share: the running sites (started once per test run, stopped at its
 * end) and an HTTP client that speaks to them as a browser or a script would.
 */
package io.tritontube.systemtest.support;

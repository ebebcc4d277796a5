/** The launchers and the one-command cluster, run as an operator runs them. */
package io.tritontube.systemtest.deploy;

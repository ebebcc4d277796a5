package io.tritontube.web.application.cluster;

/**
 * What a repair pass did.
 *
 * @param filesChecked       distinct files examined
 * @param copiesRestored     copies written to owners that lacked the file
 * @param corruptedReplaced  copies whose SHA-256 disagreed with the good copy, overwritten
 * @param unrecoverable      files left short of a good copy on every live owner: no copy could be
 *                           trusted (copies disagree with no majority), or a copy failed
 */
public record RepairReport(int filesChecked, int copiesRestored, int corruptedReplaced, int unrecoverable) {
}

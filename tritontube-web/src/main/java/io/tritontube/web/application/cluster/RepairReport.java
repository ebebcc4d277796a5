package io.tritontube.web.application.cluster;

/**
 * What a repair pass did.
 *
 * @param filesChecked       distinct files examined
 * @param copiesRestored     copies written to owners that lacked the file
 * @param corruptedReplaced  copies overwritten with the good content: corrupt ones (their bytes no
 *                           longer match the SHA-256 recorded when they were written) and intact
 *                           ones that the vote found holding other content
 * @param unrecoverable      files left short of a good copy on every live owner: no copy could be
 *                           trusted (every copy corrupt, or intact copies disagreeing with no
 *                           majority), or a copy failed
 * @param orphansDeleted     copies deleted because their video has no metadata record: files of
 *                           videos deleted while a node that held them was down
 * @param straysDeleted      copies deleted from nodes that do not own them (left behind by an
 *                           interrupted migration or roll-back), once every owner held a good copy
 */
public record RepairReport(int filesChecked, int copiesRestored, int corruptedReplaced, int unrecoverable,
                           int orphansDeleted, int straysDeleted) {
}

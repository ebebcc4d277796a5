/**
 * The packaged files of videos: validated file names and keys, and the
 * {@link io.tritontube.web.domain.content.ContentStore} interface that the local directory
 * and the storage ring implement.
 */
package io.tritontube.web.domain.content;

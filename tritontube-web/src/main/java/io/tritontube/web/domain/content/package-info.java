/**
 * The packaged files of videos: validated file names and keys, the names every packaged
 * video has ({@link io.tritontube.web.domain.content.PackagedFiles}: manifest, HLS master
 * playlist, poster, thumbnail), and the {@link io.tritontube.web.domain.content.ContentStore}
 * interface that the local directory and the storage ring implement.
 */
package io.tritontube.web.domain.content;

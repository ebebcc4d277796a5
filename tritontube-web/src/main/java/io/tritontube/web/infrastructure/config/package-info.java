/**
 * Settings and wiring: {@link io.tritontube.web.infrastructure.config.TritonTubeSettings}
 * reads the MicroProfile Config keys (system properties or environment variables), and the
 * CDI producers build the metadata store, the content store and the ffmpeg tools for the
 * configured kinds.
 */
package io.tritontube.web.infrastructure.config;

/**
 * {@code POST /upload}: the multipart endpoint, registered at start-up so that its size limit
 * and spool directory come from the settings.
 */
package io.tritontube.web.interfaces.web.upload;

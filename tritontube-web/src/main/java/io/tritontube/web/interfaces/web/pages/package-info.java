/**
 * The server-rendered pages: the index (upload form, search and the video list) and the
 * video page, as Facelets views backed by thin request-scoped beans, plus the route that maps
 * {@code /videos/<id>} onto the video view and {@code /videos/<id>/delete} onto the deletion
 * (with its confirmation page for browsers without JavaScript).
 */
package io.tritontube.web.interfaces.web.pages;

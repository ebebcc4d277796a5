/**
 * The server-rendered pages: the index (upload form and video list) and the video page, as
 * Facelets views backed by thin request-scoped beans, plus the route that maps
 * {@code /videos/<id>} onto the video view.
 */
package io.tritontube.web.interfaces.web.pages;

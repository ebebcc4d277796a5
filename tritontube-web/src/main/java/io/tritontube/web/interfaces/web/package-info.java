/**
 * The browser-facing side: what the servlets and pages share (URL building and parsing, error
 * answers, the filters in front of the routes). The upload endpoint, the content route and the pages live in sub-packages.
 */
package io.tritontube.web.interfaces.web;

/**
 * The site as people use it, in a real browser: Debian's headless Chromium driven by
 * Selenium through Debian's chromedriver (nothing downloaded), against the shared embedded
 * site. Upload through the page with its progress bar, watch, switch quality, find by
 * search and thumbnail, delete; screenshots of the pages go to {@code target/screenshots}.
 */
package io.tritontube.systemtest.browser;

/** Rendering of server answers for a terminal: byte sizes people can read and aligned tables. */
package io.tritontube.admin.format;

package io.tritontube.storage.server.disk;

import java.nio.file.FileSystemException;

/** A request named a path below BASE_DIR that is a symbolic link: the daemon never follows one. */
public class SymbolicLinkRefusedException extends FileSystemException {

    public SymbolicLinkRefusedException(String path) {
        super(path, null, "is a symbolic link, which this storage node never follows");
    }
}

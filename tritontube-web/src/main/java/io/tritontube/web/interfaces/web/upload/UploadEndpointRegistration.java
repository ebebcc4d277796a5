package io.tritontube.web.interfaces.web.upload;

import io.tritontube.web.application.WorkArea;
import io.tritontube.web.infrastructure.config.TritonTubeSettings;
import jakarta.inject.Inject;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Registers {@link UploadServlet} in code rather than with {@code @MultipartConfig}, whose
 * limits are compile-time constants: here they come from {@code tritontube.upload.max-bytes},
 * and uploads spool to {@code <data.dir>/spool} from the first byte (threshold 0), so no
 * upload is ever held in memory.
 */
@WebListener
public class UploadEndpointRegistration implements ServletContextListener {

    @Inject
    TritonTubeSettings settings;

    @Inject
    UploadIntake intake;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Path spool = settings.spoolDir();
        long maxBytes = settings.uploadMaxBytes();
        try {
            // Spool files of requests cut short by a crash are never cleaned up by anyone else.
            WorkArea.deleteTree(spool);
            Files.createDirectories(spool);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the upload spool directory " + spool, e);
        }
        ServletContext context = event.getServletContext();
        ServletRegistration.Dynamic upload = context.addServlet("upload", new UploadServlet(intake, spool, maxBytes));
        upload.addMapping("/upload");
        // No per-file limit here: the servlet checks the file's size itself after parsing, so that
        // an oversize part is refused with its spool file deleted rather than cut off and left behind.
        upload.setMultipartConfig(new MultipartConfigElement(
                spool.toString(), -1, maxBytes + UploadServlet.MULTIPART_OVERHEAD_BYTES, 0));
    }
}

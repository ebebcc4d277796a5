package io.tritontube.web.interfaces.web.pages;

import io.tritontube.web.domain.video.Video;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/** Backs {@code /views/video.xhtml} with the video that {@link VideoPageRoute} looked up. */
@Named
@RequestScoped
public class VideoPage {

    static final String VIDEO_ATTRIBUTE = VideoPage.class.getName() + ".video";

    private VideoView video;

    @PostConstruct
    void load() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        Object found = external.getRequestMap().get(VIDEO_ATTRIBUTE);
        if (!(found instanceof Video forwarded)) {
            // ViewsAccessFilter stops direct requests, so only a wiring mistake gets here.
            throw new IllegalStateException("the video view was rendered without a video; it must be reached through /videos/<id>");
        }
        video = new VideoView(forwarded, external.getRequestContextPath());
    }

    public VideoView getVideo() {
        return video;
    }
}

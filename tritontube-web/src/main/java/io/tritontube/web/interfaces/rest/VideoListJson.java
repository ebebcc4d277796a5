package io.tritontube.web.interfaces.rest;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/**
 * One page of the list: {@code {"items": [...], "nextPage": token or null}}; pass the token
 * as {@code ?page=} to get the following page.
 */
@JsonbNillable
public record VideoListJson(List<VideoJson> items, String nextPage) {
}

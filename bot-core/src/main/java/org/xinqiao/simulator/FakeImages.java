package org.xinqiao.simulator;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves permanent image material back at the URL the upload answered with, as WeChat does from its
 * image host, so the page can show an article's cover.
 */
@RestController
@Conditional(SimulatorEnabled.class)
class FakeImages {

  private static final Map<String, MediaType> TYPES =
      Map.of(
          "png", MediaType.IMAGE_PNG,
          "jpg", MediaType.IMAGE_JPEG,
          "jpeg", MediaType.IMAGE_JPEG,
          "gif", MediaType.IMAGE_GIF,
          "bmp", MediaType.parseMediaType("image/bmp"));

  private final FakeContent content;
  private final LocalServer server;

  FakeImages(FakeContent content, LocalServer server) {
    this.content = content;
    this.server = server;
  }

  /** Where an uploaded image is served; absolute, as WeChat's answer is. */
  String url(String mediaId) {
    return server.baseUrl() + "/" + pagePath(mediaId);
  }

  /**
   * The same, relative to the simulator page: the page may be open under another host name
   * (localhost, a LAN address) and its CSP allows images from its own origin only.
   */
  static String pagePath(String mediaId) {
    return "sim/media/" + mediaId;
  }

  static boolean isImageName(String fileName) {
    return type(fileName).isPresent();
  }

  private static Optional<MediaType> type(String fileName) {
    if (fileName == null || !fileName.contains(".")) {
      return Optional.empty();
    }
    String ext = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return Optional.ofNullable(TYPES.get(ext));
  }

  @GetMapping("/sim/media/{mediaId}")
  ResponseEntity<byte[]> image(@PathVariable String mediaId) {
    return content
        .material(mediaId)
        .filter(m -> "image".equals(m.type()) && m.bytes().length > 0)
        .map(
            m ->
                ResponseEntity.ok()
                    .contentType(type(m.fileName()).orElse(MediaType.APPLICATION_OCTET_STREAM))
                    .cacheControl(CacheControl.noCache())
                    .body(m.bytes()))
        .orElse(ResponseEntity.notFound().build());
  }
}

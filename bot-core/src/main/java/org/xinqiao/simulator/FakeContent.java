package org.xinqiao.simulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Drafts and permanent material uploaded to the fake account, by media_id, so a mass send or
 * preview can show the article (title, summary, link, cover) to the people it reaches, and the page
 * can show an uploaded image from the URL the upload answered with.
 */
final class FakeContent {

  /** One article of a draft, as much of it as a chat card needs; cover is the thumb's media_id. */
  record Article(String title, String digest, String url, String cover) {}

  /** Permanent material; images keep their bytes so the page can show them. */
  record Material(String type, String fileName, byte[] bytes) {}

  /** Keeps a long demo from filling the heap with cover images. */
  private static final int MAX_IMAGE_BYTES = 2 * 1024 * 1024;

  private final Map<String, List<Article>> drafts = new ConcurrentHashMap<>();
  private final Map<String, Material> materials = new ConcurrentHashMap<>();

  String addDraft(List<Article> articles) {
    String mediaId = newMediaId();
    drafts.put(mediaId, List.copyOf(articles));
    return mediaId;
  }

  Optional<List<Article>> draft(String mediaId) {
    return Optional.ofNullable(mediaId).map(drafts::get);
  }

  String addMaterial(String type, String fileName, byte[] bytes) {
    String mediaId = newMediaId();
    boolean keep = "image".equals(type) && bytes != null && bytes.length <= MAX_IMAGE_BYTES;
    materials.put(mediaId, new Material(type, fileName, keep ? bytes : new byte[0]));
    return mediaId;
  }

  Optional<Material> material(String mediaId) {
    return Optional.ofNullable(mediaId).map(materials::get);
  }

  boolean isImage(String mediaId) {
    return material(mediaId).map(m -> "image".equals(m.type())).orElse(false);
  }

  boolean hasMedia(String mediaId) {
    return mediaId != null && (drafts.containsKey(mediaId) || materials.containsKey(mediaId));
  }

  private static String newMediaId() {
    return "SIM_MEDIA_" + UUID.randomUUID().toString().replace("-", "");
  }
}

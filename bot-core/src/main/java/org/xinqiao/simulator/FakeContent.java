package org.xinqiao.simulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Drafts and permanent material uploaded to the fake account, by media_id, so a mass send or
 * preview can show the article's title to the people it reaches.
 */
final class FakeContent {

  /** One article of a draft, as much of it as a chat bubble needs. */
  record Article(String title, String digest, String url) {}

  private final Map<String, List<Article>> drafts = new ConcurrentHashMap<>();
  private final Map<String, String> materials = new ConcurrentHashMap<>();

  String addDraft(List<Article> articles) {
    String mediaId = newMediaId();
    drafts.put(mediaId, List.copyOf(articles));
    return mediaId;
  }

  Optional<List<Article>> draft(String mediaId) {
    return Optional.ofNullable(mediaId).map(drafts::get);
  }

  String addMaterial(String type) {
    String mediaId = newMediaId();
    materials.put(mediaId, type);
    return mediaId;
  }

  boolean hasMedia(String mediaId) {
    return mediaId != null && (drafts.containsKey(mediaId) || materials.containsKey(mediaId));
  }

  private static String newMediaId() {
    return "SIM_MEDIA_" + UUID.randomUUID().toString().replace("-", "");
  }
}

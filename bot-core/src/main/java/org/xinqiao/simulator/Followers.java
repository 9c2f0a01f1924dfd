package org.xinqiao.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who follows the fake account and which tags they carry, with WeChat's tag limits: 100 tags per
 * account, 20 per person, names unique and at most 30 characters.
 */
final class Followers {

  static final int MAX_TAGS = 100;
  static final int MAX_TAGS_PER_PERSON = 20;

  /** A tag as WeChat lists it; ids start at 100 because WeChat reserves 0-99. */
  record Tag(int id, String name) {}

  private final Map<String, Boolean> following = new LinkedHashMap<>();
  private final Map<Integer, Tag> tags = new LinkedHashMap<>();
  private final Map<String, Set<Integer>> tagsOf = new HashMap<>();
  private int nextTagId = 100;

  synchronized void follow(String openid) {
    following.put(openid, true);
  }

  synchronized void unfollow(String openid) {
    following.put(openid, false);
  }

  synchronized boolean isFollowing(String openid) {
    return following.getOrDefault(openid, false);
  }

  synchronized boolean isKnown(String openid) {
    return following.containsKey(openid);
  }

  /** Creates a tag; answers its id, or a negative WeChat errcode (-45157 name taken ...). */
  synchronized int createTag(String name) {
    if (name == null || name.isBlank() || name.length() > 30) {
      return -45158;
    }
    if (tags.values().stream().anyMatch(t -> t.name().equals(name))) {
      return -45157;
    }
    if (tags.size() >= MAX_TAGS) {
      return -45056;
    }
    Tag tag = new Tag(nextTagId++, name);
    tags.put(tag.id(), tag);
    return tag.id();
  }

  /** Tags everyone listed; answers 0 or WeChat's errcode (45159 unknown tag, 45059 too many). */
  synchronized int tag(List<String> openids, int tagId) {
    if (!tags.containsKey(tagId)) {
      return 45159;
    }
    for (String openid : openids) {
      if (!isKnown(openid)) {
        return 40003;
      }
      Set<Integer> carried = tagsOf.getOrDefault(openid, Set.of());
      if (!carried.contains(tagId) && carried.size() >= MAX_TAGS_PER_PERSON) {
        return 45059;
      }
    }
    openids.forEach(o -> tagsOf.computeIfAbsent(o, k -> new TreeSet<>()).add(tagId));
    return 0;
  }

  /** Takes the tag off everyone listed; 0 or WeChat's errcode (45159 unknown tag, 40003). */
  synchronized int untag(List<String> openids, int tagId) {
    if (!tags.containsKey(tagId)) {
      return 45159;
    }
    if (!openids.stream().allMatch(this::isKnown)) {
      return 40003;
    }
    openids.forEach(o -> tagsOf.getOrDefault(o, new TreeSet<>()).remove(tagId));
    return 0;
  }

  /** A tag as tags/get lists it, with how many people carry it. */
  record Listed(int id, String name, long count) {}

  /** Every tag, WeChat's built-in star group first as on a real account. */
  synchronized List<Listed> tags() {
    List<Listed> listed = new ArrayList<>();
    listed.add(new Listed(2, "星标组", 0));
    for (Tag t : tags.values()) {
      long count = tagsOf.values().stream().filter(s -> s.contains(t.id())).count();
      listed.add(new Listed(t.id(), t.name(), count));
    }
    return listed;
  }

  /** Whether the person carries the tag (for tests and the page). */
  synchronized boolean carries(String openid, String tagName) {
    return tags.values().stream()
        .filter(t -> t.name().equals(tagName))
        .anyMatch(t -> tagsOf.getOrDefault(openid, Set.of()).contains(t.id()));
  }

  /** Followers a mass send reaches: everyone following, or those following with the tag. */
  synchronized List<String> audience(boolean toAll, int tagId) {
    return following.entrySet().stream()
        .filter(Map.Entry::getValue)
        .map(Map.Entry::getKey)
        .filter(o -> toAll || tagsOf.getOrDefault(o, Set.of()).contains(tagId))
        .toList();
  }

  synchronized boolean tagExists(int tagId) {
    return tags.containsKey(tagId);
  }
}

package org.xinqiao.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The entries a school counselor has signed off, for {@code xinqiao.kb.require-review=true}: every
 * file is still validated, the others are left out, and links to them are dropped from {@code
 * related} (in memory only) so the served set is whole.
 */
public final class ReviewedContent {
  private ReviewedContent() {}

  /** Every entry in the files, validated (for lists such as "still to be signed off"). */
  public static List<Entry> entries(List<ContentFile> files) {
    return ContentLoader.load(files);
  }

  /**
   * @throws ContentException when any file is invalid, or when no entry is signed off
   */
  public static List<ContentFile> signedOffOnly(List<ContentFile> files) {
    Map<String, Entry> signed =
        ContentLoader.load(files).stream()
            .filter(e -> e.reviewed().signedOff())
            .collect(Collectors.toMap(Entry::id, Function.identity()));
    if (signed.isEmpty()) {
      throw new ContentException(
          List.of(
              new ContentError(
                  "(content)",
                  0,
                  "xinqiao.kb.require-review is on but no entry has reviewed.role: counselor")));
    }
    List<ContentFile> served = new ArrayList<>();
    for (ContentFile file : files) {
      Entry entry = signed.get(file.name().replaceFirst("\\.md$", ""));
      if (entry == null) {
        continue;
      }
      List<String> related = entry.related().stream().filter(signed::containsKey).toList();
      served.add(
          related.size() == entry.related().size()
              ? file
              : ContentEdits.withList(file, "related", related));
    }
    return served;
  }
}

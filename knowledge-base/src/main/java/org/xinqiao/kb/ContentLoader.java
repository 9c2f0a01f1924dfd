package org.xinqiao.kb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parses every entry file and runs the checks that need the whole set (ids, related links). */
final class ContentLoader {
  private ContentLoader() {}

  /** The valid entries, or a {@link ContentException} listing every problem found. */
  static List<Entry> load(List<ContentFile> files) {
    List<ContentError> errors = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    Map<String, String> fileById = new HashMap<>();
    Map<String, String> nameOfEntry = new HashMap<>();
    for (ContentFile file : files) {
      Optional<Entry> entry = EntryParser.parse(file, errors);
      if (entry.isEmpty()) {
        continue;
      }
      String id = entry.get().id();
      String previous = fileById.putIfAbsent(id, file.name());
      if (previous != null) {
        errors.add(
            new ContentError(
                file.name(), 1, "duplicate id '" + id + "' (also in " + previous + ")"));
        continue;
      }
      nameOfEntry.put(id, file.name());
      entries.add(entry.get());
    }
    if (files.isEmpty()) {
      errors.add(new ContentError("(content)", 0, "no entry files found"));
    }
    Set<String> ids = new HashSet<>(fileById.keySet());
    for (Entry entry : entries) {
      for (String related : entry.related()) {
        if (!ids.contains(related)) {
          errors.add(
              lineError(
                  files, nameOfEntry.get(entry.id()), "unknown related id '" + related + "'"));
        } else if (related.equals(entry.id())) {
          errors.add(
              lineError(files, nameOfEntry.get(entry.id()), "entry lists itself as related"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new ContentException(errors);
    }
    entries.sort((a, b) -> a.id().compareTo(b.id()));
    return entries;
  }

  private static ContentError lineError(List<ContentFile> files, String name, String message) {
    for (ContentFile file : files) {
      if (file.name().equals(name)) {
        String[] lines = file.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
          if (lines[i].startsWith("related:")) {
            return new ContentError(name, i + 1, message);
          }
        }
      }
    }
    return new ContentError(name, 1, message);
  }
}

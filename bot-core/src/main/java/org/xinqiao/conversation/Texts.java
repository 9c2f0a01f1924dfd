package org.xinqiao.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The bot's fixed Chinese texts, kept as files under {@code texts/} so a counselor can review every
 * word without reading Java. A school can replace any of them with a file of the same name in
 * {@code xinqiao.texts.dir}. {@code {name}} placeholders are filled from the given values.
 */
@Component
public class Texts {

  private final Map<String, String> cache = new ConcurrentHashMap<>();
  private final Path overrides;

  Texts(@Value("${xinqiao.texts.dir:}") String overridesDir) {
    this.overrides = overridesDir.isBlank() ? null : Path.of(overridesDir);
  }

  public String get(String name) {
    return cache.computeIfAbsent(name, this::load);
  }

  public String format(String name, Map<String, ?> values) {
    String text = get(name);
    for (Map.Entry<String, ?> v : values.entrySet()) {
      text = text.replace("{" + v.getKey() + "}", String.valueOf(v.getValue()));
    }
    return text;
  }

  private String load(String name) {
    if (overrides != null) {
      Path file = overrides.resolve(name + ".txt");
      if (Files.isRegularFile(file)) {
        try {
          return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    String path = "texts/" + name + ".txt";
    try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing text resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

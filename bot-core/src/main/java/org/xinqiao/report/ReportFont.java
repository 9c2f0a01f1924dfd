package org.xinqiao.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The CJK font the PDFs embed (as a subset: only the glyphs used): {@code xinqiao.report.font} when
 * set, else the first of Debian's usual CJK fonts that is installed. A {@code .ttc} collection is
 * opened with {@link TrueTypeCollection} and its first font used.
 */
public final class ReportFont {

  public static final String SETTING = "xinqiao.report.font";

  /** Where Debian's CJK font packages put their files, most complete first. */
  static final List<String> SYSTEM_PATHS =
      List.of(
          "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
          "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
          "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
          "/usr/share/fonts/truetype/arphic/uming.ttc");

  private final Path path;

  private ReportFont(Path path) {
    this.path = path;
  }

  /** The configured font, or the first system one; fails naming the setting when there is none. */
  public static ReportFont locate(String configured) {
    if (configured != null && !configured.isBlank()) {
      Path p = Path.of(configured.trim());
      if (!Files.isReadable(p)) {
        throw new IllegalStateException(
            "The report font " + p + " (" + SETTING + ") cannot be read.");
      }
      return new ReportFont(p);
    }
    return SYSTEM_PATHS.stream()
        .map(Path::of)
        .filter(Files::isReadable)
        .findFirst()
        .map(ReportFont::new)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No Chinese font for reports: set "
                        + SETTING
                        + " to a .ttf/.otf/.ttc file, or install Debian's fonts-wqy-microhei"
                        + " (looked in "
                        + String.join(", ", SYSTEM_PATHS)
                        + ")."));
  }

  public Path path() {
    return path;
  }

  /** Loads the font into {@code document}, to be embedded as a subset when it is saved. */
  PDFont load(PDDocument document) throws IOException {
    if (path.toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
      TrueTypeCollection collection = new TrueTypeCollection(path.toFile());
      TrueTypeFont[] first = new TrueTypeFont[1];
      collection.processAllFonts(
          font -> {
            if (first[0] == null) {
              first[0] = font;
            }
          });
      // the collection stays open while the document uses its font; closed with the document
      document.registerTrueTypeFontForClosing(first[0]);
      return PDType0Font.load(document, first[0], true);
    }
    return PDType0Font.load(document, path.toFile());
  }
}

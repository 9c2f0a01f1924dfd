package org.xinqiao.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Writes a {@link Report} as an A4 PDF: headings, tables and charts, the CJK font embedded. */
public final class ReportPdf {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final float MARGIN = 50;
  private static final float LINE = 16;
  private static final float CHART_WIDTH = 400;
  private static final float CHART_HEIGHT = 200;

  private final ReportFont font;

  public ReportPdf(ReportFont font) {
    this.font = font;
  }

  public void write(Report report, OutputStream out) throws IOException {
    ReportCharts charts = new ReportCharts(font);
    try (PDDocument document = new PDDocument()) {
      PDFont cjk = font.load(document);
      Writer w = new Writer(document, cjk);
      w.text(report.title(), 20);
      w.text("统计期间：" + report.period(), 11);
      w.text("生成时间：" + WHEN.format(report.generatedAt().atZone(report.period().zone())), 11);
      w.text("说明：所有小于5的数字显示为“<5”；若由合计可推算出某个被隐藏的数字，则同时隐藏另一项。", 9);
      for (Report.Section section : report.sections()) {
        w.gap(8);
        w.text(section.title(), 15);
        for (Disclosure.Shown table : section.tables()) {
          w.table(table);
          BufferedImage image =
              table.chart()
                  ? charts.bars(table, 2 * (int) CHART_WIDTH, 2 * (int) CHART_HEIGHT)
                  : null;
          if (image != null) {
            w.image(LosslessFactory.createFromImage(document, image));
          }
        }
      }
      w.close();
      document.save(out);
    }
  }

  /** A top-to-bottom cursor that starts a new page when the next item does not fit. */
  private static final class Writer {
    private final PDDocument document;
    private final PDFont font;
    private PDPageContentStream page;
    private float y;

    Writer(PDDocument document, PDFont font) throws IOException {
      this.document = document;
      this.font = font;
      newPage();
    }

    void newPage() throws IOException {
      close();
      PDPage p = new PDPage(PDRectangle.A4);
      document.addPage(p);
      page = new PDPageContentStream(document, p);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    void room(float height) throws IOException {
      if (y - height < MARGIN) {
        newPage();
      }
    }

    void gap(float h) {
      y -= h;
    }

    void text(String text, float size) throws IOException {
      room(size + 6);
      y -= size + 6;
      at(MARGIN, y, text, size);
    }

    void at(float x, float atY, String text, float size) throws IOException {
      page.beginText();
      page.setFont(font, size);
      page.newLineAtOffset(x, atY);
      page.showText(text);
      page.endText();
    }

    void table(Disclosure.Shown table) throws IOException {
      text(table.title(), 11);
      List<String> columns = table.columns();
      float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
      float first = Math.min(170, width / 2);
      float rest = (width - first) / Math.max(1, columns.size() - 1);
      row(columns.get(0), columns.subList(1, columns.size()), first, rest, 8);
      for (Disclosure.ShownRow r : table.rows()) {
        row(r.label(), r.cells(), first, rest, 9);
      }
      if (table.rows().isEmpty()) {
        text("（本期无数据）", 9);
      }
      gap(4);
    }

    private void row(String label, List<String> cells, float first, float rest, float size)
        throws IOException {
      room(LINE);
      y -= LINE;
      at(MARGIN, y, fit(label, first, size), size);
      for (int c = 0; c < cells.size(); c++) {
        at(MARGIN + first + c * rest, y, fit(cells.get(c), rest - 4, size), size);
      }
    }

    private String fit(String text, float width, float size) throws IOException {
      String t = text;
      while (t.length() > 1 && font.getStringWidth(t) / 1000 * size > width) {
        t = t.substring(0, t.length() - 1);
      }
      return t;
    }

    void image(PDImageXObject image) throws IOException {
      room(CHART_HEIGHT + 8);
      y -= CHART_HEIGHT + 8;
      page.drawImage(image, MARGIN, y, CHART_WIDTH, CHART_HEIGHT);
    }

    void close() throws IOException {
      if (page != null) {
        page.close();
        page = null;
      }
    }
  }
}

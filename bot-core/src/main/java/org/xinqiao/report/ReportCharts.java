package org.xinqiao.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Bar charts of a table's first column, drawn in memory with JFreeChart. Only shown counts are
 * drawn: a suppressed cell is left out (with its label marked), never plotted from the raw value.
 */
final class ReportCharts {

  private final StandardChartTheme theme;

  ReportCharts(ReportFont font) throws IOException {
    Font base;
    try {
      base = Font.createFonts(font.path().toFile())[0];
    } catch (FontFormatException e) {
      throw new IOException("the report font " + font.path() + " is not a TrueType font", e);
    }
    theme = new StandardChartTheme("xinqiao");
    theme.setExtraLargeFont(base.deriveFont(Font.BOLD, 18f));
    theme.setLargeFont(base.deriveFont(14f));
    theme.setRegularFont(base.deriveFont(12f));
    theme.setSmallFont(base.deriveFont(10f));
    theme.setBarPainter(new StandardBarPainter());
    theme.setShadowVisible(false);
  }

  /** The chart of {@code table}, or null when it has nothing that may be drawn. */
  BufferedImage bars(Disclosure.Shown table, int width, int height) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    int last = table.rows().size() - 1;
    for (int r = 0; r < table.rows().size(); r++) {
      Disclosure.ShownRow row = table.rows().get(r);
      boolean total = r == last && row.label().equals("合计");
      Long n = row.counts().isEmpty() ? null : row.counts().get(0);
      if (!total && n != null) {
        data.addValue(n, table.columns().get(1), row.label());
      }
    }
    if (data.getColumnCount() == 0) {
      return null;
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            table.title(),
            null,
            table.columns().get(1),
            data,
            PlotOrientation.HORIZONTAL,
            false,
            false,
            false);
    theme.apply(chart);
    chart.setBackgroundPaint(Color.WHITE);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    ((BarRenderer) plot.getRenderer()).setSeriesPaint(0, new Color(0x3b7d8c));
    return chart.createBufferedImage(width, height);
  }
}

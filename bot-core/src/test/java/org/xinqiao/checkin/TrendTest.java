package org.xinqiao.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.xinqiao.knowledge.KnowledgeProperties;

/** The trend line says better, about the same or harder, whichever way a scale scores. */
class TrendTest {

  final CheckinCatalog catalog =
      new CheckinCatalog(new KnowledgeProperties(null, Duration.ofSeconds(30)));

  @Test
  void aLowerStrainScoreIsBetterAndASmallChangeIsAboutTheSame() {
    Checkin teacher = catalog.find("teacher-weekly").orElseThrow(); // 0..21, tolerance 2
    assertThat(Trend.between(teacher, 12, 6)).isEqualTo(Trend.Direction.BETTER);
    assertThat(Trend.between(teacher, 12, 13)).isEqualTo(Trend.Direction.SAME);
    assertThat(Trend.between(teacher, 6, 12)).isEqualTo(Trend.Direction.WORSE);
  }

  @Test
  void onAScaleWhereHigherIsBetterAHigherScoreIsBetter() throws Exception {
    Checkin sleep =
        new CheckinCatalog(
                new KnowledgeProperties(
                    CheckinDefinitionsTest.fixtures().resolve("school"), Duration.ZERO))
            .find("school-sleep")
            .orElseThrow();
    assertThat(Trend.between(sleep, 0, 2)).isEqualTo(Trend.Direction.BETTER);
    assertThat(Trend.between(sleep, 2, 0)).isEqualTo(Trend.Direction.WORSE);
  }
}

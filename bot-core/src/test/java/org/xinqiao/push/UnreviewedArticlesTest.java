package org.xinqiao.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.xinqiao.knowledge.KnowledgeProperties;

/** With require-review the weekly push skips articles no counselor signed off. */
class UnreviewedArticlesTest {

  @Test
  void articlesNoCounselorSignedOffAreNotPushedUnderRequireReview() {
    LibraryArticleCatalog all =
        new LibraryArticleCatalog(new KnowledgeProperties(null, Duration.ofSeconds(30), false));
    LibraryArticleCatalog signedOnly =
        new LibraryArticleCatalog(new KnowledgeProperties(null, Duration.ofSeconds(30), true));
    assertThat(all.forWeek(Audience.PARENT, 1)).isPresent();
    // every shipped article says reviewed.role: content-author
    assertThat(signedOnly.all(Audience.PARENT)).isEmpty();
    assertThat(signedOnly.forWeek(Audience.PARENT, 1)).isEmpty();
    assertThat(signedOnly.byId(all.forWeek(Audience.PARENT, 1).get().id())).isEmpty();
  }
}

package org.xinqiao.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Console edits of the front matter, sign-off validation and the signed-off-only view. */
class ContentEditsTest {

  private static final Review SIGNED =
      new Review(LocalDate.of(2026, 12, 2), "张老师", Review.COUNSELOR);

  @Test
  void anAddedPhrasingIsSearchableAndEveryOtherLineStaysAsWritten() {
    ContentFile before = file("school-refusal.md");
    ContentFile after = ContentEdits.addQuestion(before, "娃一到周一就喊: 不去学校");
    List<String> removed = new ArrayList<>(List.of(before.text().split("\n")));
    removed.removeAll(List.of(after.text().split("\n")));
    assertThat(removed).isEmpty();
    assertThat(after.text()).contains("  - '娃一到周一就喊: 不去学校'\nkeywords:");
    try (KnowledgeBase kb = KnowledgeBase.load(replace(after))) {
      assertThat(kb.entry("school-refusal").orElseThrow().questions()).endsWith("娃一到周一就喊: 不去学校");
    }
  }

  @Test
  void aSignOffRecordsWhoWhenAndAsWhat() {
    ContentFile after = ContentEdits.signOff(file("sleep-problems.md"), SIGNED);
    assertThat(after.text())
        .contains("reviewed:\n  on: 2026-12-02\n  by: 张老师\n  role: counselor\n---");
    try (KnowledgeBase kb = KnowledgeBase.load(replace(after))) {
      Review review = kb.entry("sleep-problems").orElseThrow().reviewed();
      assertThat(review).isEqualTo(SIGNED);
      assertThat(review.signedOff()).isTrue();
      assertThat(kb.entry("school-refusal").orElseThrow().reviewed().signedOff()).isFalse();
    }
  }

  @Test
  void aCounselorSignOffMustNameTheCounselorAndUseAKnownRole() {
    ContentFile noName =
        ContentEdits.signOff(file("sleep-problems.md"), new Review(SIGNED.on(), null, "counselor"));
    assertThat(KnowledgeBase.validate(replace(noName)))
        .anySatisfy(
            e ->
                assertThat(e.toString())
                    .contains("sleep-problems.md:10: reviewed.by must name the counselor"));
    ContentFile oddRole =
        ContentEdits.signOff(file("sleep-problems.md"), new Review(SIGNED.on(), "王", "principal"));
    assertThat(KnowledgeBase.validate(replace(oddRole)))
        .anySatisfy(e -> assertThat(e.message()).contains("counselor or content-author"));
  }

  @Test
  void signedOffOnlyServesSignedEntriesAndDropsLinksToTheOthers() {
    ContentFile signed = ContentEdits.signOff(file("sleep-problems.md"), SIGNED);
    List<ContentFile> served = ReviewedContent.signedOffOnly(replace(signed));
    assertThat(served).extracting(ContentFile::name).containsExactly("sleep-problems.md");
    try (KnowledgeBase kb = KnowledgeBase.load(served)) {
      assertThat(kb.entries()).extracting(Entry::id).containsExactly("sleep-problems");
      assertThat(kb.entry("sleep-problems").orElseThrow().related()).isEmpty();
    }
  }

  @Test
  void signedOffOnlyRefusesWhenNothingIsSignedOff() {
    assertThatThrownBy(() -> ReviewedContent.signedOffOnly(Fixtures.valid()))
        .isInstanceOf(ContentException.class)
        .hasMessageContaining("no entry has reviewed.role: counselor");
  }

  private static ContentFile file(String name) {
    return Fixtures.valid().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  private static List<ContentFile> replace(ContentFile edited) {
    return Fixtures.valid().stream().map(f -> f.name().equals(edited.name()) ? edited : f).toList();
  }
}

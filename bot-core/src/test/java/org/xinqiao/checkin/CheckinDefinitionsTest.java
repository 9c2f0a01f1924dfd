package org.xinqiao.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xinqiao.kb.ContentError;
import org.xinqiao.kb.ContentException;
import org.xinqiao.kb.ContentFile;
import org.xinqiao.knowledge.KnowledgeProperties;
import org.xinqiao.people.Role;

/** The shipped check-ins are valid and kind; broken files fail with their file and line. */
class CheckinDefinitionsTest {

  static final KnowledgeProperties PACKAGED = new KnowledgeProperties(null, Duration.ofSeconds(30));

  @Test
  void shippedCheckinsAreValidAndEachHasCalmAndWorryingBands() {
    List<Checkin> shipped = new CheckinCatalog(PACKAGED).all();

    assertThat(shipped)
        .extracting(Checkin::id)
        .containsExactlyInAnyOrder("teacher-weekly", "parent-child-weekly", "stress-self-check");
    for (Checkin c : shipped) {
      assertThat(c.items()).as(c.id()).hasSizeBetween(5, 8);
      assertThat(c.bands()).as(c.id()).hasSizeBetween(3, 4);
      assertThat(c.bands()).as(c.id()).anyMatch(Checkin.Band::worrying);
      assertThat(c.bands()).as(c.id()).anyMatch(b -> !b.worrying());
      assertThat(c.items().stream().flatMap(i -> i.options().stream()))
          .as(c.id() + " asks plainly about the worst")
          .anyMatch(Checkin.Option::alert);
      for (Checkin.Band b : c.bands()) {
        assertThat(b.message())
            .as(c.id() + " " + b.label() + " never diagnoses")
            .doesNotContain("抑郁症", "焦虑症", "你患有", "诊断", "障碍");
      }
    }
  }

  @Test
  void eachAudienceSeesItsOwnCheckinsAndTheSharedOne() {
    CheckinCatalog catalog = new CheckinCatalog(PACKAGED);

    assertThat(catalog.forRole(Role.PARENT))
        .extracting(Checkin::id)
        .containsExactly("parent-child-weekly", "stress-self-check");
    assertThat(catalog.forRole(Role.TEACHER))
        .extracting(Checkin::id)
        .containsExactly("teacher-weekly", "stress-self-check");
    assertThat(catalog.forRole(Role.COUNSELOR)).extracting(Checkin::id).contains("teacher-weekly");
  }

  @Test
  void aYamlSyntaxErrorPointsAtItsLine() {
    List<ContentError> errors = parse("bad-syntax.yaml");

    assertThat(errors).singleElement().hasToString(errors.get(0).toString());
    assertThat(errors.get(0).file()).isEqualTo("bad-syntax.yaml");
    assertThat(errors.get(0).line()).isEqualTo(11);
    assertThat(errors.get(0).message()).startsWith("invalid YAML");
  }

  @Test
  void everyBadFieldIsReportedWithItsOwnLine() {
    List<String> errors = parse("bad-fields.yaml").stream().map(ContentError::toString).toList();

    assertThat(errors)
        .containsExactlyInAnyOrder(
            "bad-fields.yaml:4: 'audience' must be one of parent | teacher | everyone, not 'pupils'",
            "bad-fields.yaml:11: 'score' must be a whole number, not 'many'",
            "bad-fields.yaml:12: an item without 'options' takes free text and must say 'screen: true'",
            "bad-fields.yaml:14: unknown field 'colour' in an item");
  }

  @Test
  void aScoreNoBandCoversIsAnError() {
    assertThat(parse("band-gap.yaml"))
        .extracting(ContentError::toString)
        .containsExactly("band-gap.yaml:14: no band covers scores 1 to 1");
  }

  @Test
  void aBadFileInTheSchoolsFolderStopsTheStartWithFileAndLine() throws Exception {
    Path broken = fixtures().resolve("broken");
    // the broken fixtures sit in a folder named like the school's content folder expects
    Path contentDir = java.nio.file.Files.createTempDirectory("kb-content");
    java.nio.file.Path checkins =
        java.nio.file.Files.createDirectory(contentDir.resolve("checkins"));
    java.nio.file.Files.copy(broken.resolve("band-gap.yaml"), checkins.resolve("band-gap.yaml"));

    assertThatThrownBy(
            () -> new CheckinCatalog(new KnowledgeProperties(contentDir, Duration.ofSeconds(30))))
        .isInstanceOf(ContentException.class)
        .hasMessageContaining("checkins/band-gap.yaml:14: no band covers scores 1 to 1");
  }

  @Test
  void kbValidateReportsABrokenDropInWithoutStartingAndPassesTheShippedOnes() throws Exception {
    Path contentDir = java.nio.file.Files.createTempDirectory("kb-validate");
    Path checkins = java.nio.file.Files.createDirectory(contentDir.resolve("checkins"));

    assertThat(CheckinValidation.validate(contentDir)).isEmpty();
    java.nio.file.Files.copy(
        fixtures().resolve("broken/bad-syntax.yaml"), checkins.resolve("bad-syntax.yaml"));
    assertThat(CheckinValidation.validate(contentDir))
        .extracting(ContentError::toString)
        .singleElement()
        .asString()
        .startsWith("checkins/bad-syntax.yaml:11: invalid YAML");
  }

  @Test
  void aSchoolDropsItsOwnCheckinBesideTheShippedOnes() throws Exception {
    CheckinCatalog catalog =
        new CheckinCatalog(new KnowledgeProperties(fixtures().resolve("school"), Duration.ZERO));

    assertThat(catalog.all()).hasSize(4);
    Checkin own = catalog.find("school-sleep").orElseThrow();
    assertThat(own.higherIsBetter()).isTrue();
    assertThat(own.frequency()).isEqualTo(Frequency.ANYTIME);
    assertThat(catalog.forRole(Role.PARENT)).contains(own);
  }

  static List<ContentError> parse(String fixture) {
    List<ContentError> errors = new ArrayList<>();
    try (InputStream in =
        CheckinDefinitionsTest.class.getResourceAsStream("/checkin-fixtures/broken/" + fixture)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(CheckinParser.parse(new ContentFile(fixture, text), errors)).isEmpty();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return errors;
  }

  static Path fixtures() throws URISyntaxException {
    return Path.of(CheckinDefinitionsTest.class.getResource("/checkin-fixtures").toURI());
  }
}

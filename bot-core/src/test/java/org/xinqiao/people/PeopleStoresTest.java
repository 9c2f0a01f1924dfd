package org.xinqiao.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.xinqiao.testsupport.TestDatabase;

/** The people repositories on H2 and on PostgreSQL. */
@ParameterizedClass
@MethodSource("org.xinqiao.testsupport.TestDatabase#both")
class PeopleStoresTest {

  @Parameter TestDatabase db;

  private static final Instant NOW = Instant.parse("2026-11-30T07:00:00Z");

  @Test
  void firstContactCreatesOneParentEvenWhenDeliveriesRace() throws Exception {
    PersonRepository persons = new PersonRepository(db.jdbc());
    String openid = "o_" + UUID.randomUUID();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Person>> racing =
          pool.invokeAll(
              java.util.Collections.nCopies(
                  6, () -> persons.insertIfAbsent("wechat", openid, NOW)));
      long distinctIds =
          racing.stream().map(PeopleStoresTest::get).map(Person::id).distinct().count();
      assertThat(distinctIds).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    Person p = persons.find("wechat", openid).orElseThrow();
    assertThat(p.role()).isEqualTo(Role.PARENT);
    assertThat(p.following()).isTrue();
    assertThat(p.hasConsented()).isFalse();
  }

  @Test
  void consentRoleAndFollowingAreStored() {
    PersonRepository persons = new PersonRepository(db.jdbc());
    Person p = persons.insertIfAbsent("wechat", "o_" + UUID.randomUUID(), NOW);
    persons.setConsent(p.id(), NOW, People.NOTICE_VERSION);
    persons.setRole(p.id(), Role.COUNSELOR, "张老师", RoleSource.INVITE);
    persons.setFollowing(p.id(), false);
    Person after = persons.find(p.id()).orElseThrow();
    assertThat(after.consentedAt()).isEqualTo(NOW);
    assertThat(after.role()).isEqualTo(Role.COUNSELOR);
    assertThat(after.displayName()).isEqualTo("张老师");
    assertThat(after.following()).isFalse();
    assertThat(persons.withRole(Role.COUNSELOR)).extracting(Person::id).contains(p.id());
  }

  @Test
  void withdrawingConsentKeepsThePersonAndConsentingAgainEndsTheWithdrawal() {
    PersonRepository persons = new PersonRepository(db.jdbc());
    Person p = persons.insertIfAbsent("wechat", "o_" + UUID.randomUUID(), NOW);
    assertThat(persons.withdrawConsent(p.id(), NOW)).as("nothing to withdraw yet").isFalse();
    assertThat(persons.withdrewConsent(p.id())).isFalse();
    persons.setConsent(p.id(), NOW, People.NOTICE_VERSION);

    assertThat(persons.withdrawConsent(p.id(), NOW.plusSeconds(60))).isTrue();

    Person after = persons.find(p.id()).orElseThrow();
    assertThat(after.hasConsented()).isFalse();
    assertThat(after.openid()).isEqualTo(p.openid());
    assertThat(persons.withdrewConsent(p.id())).isTrue();
    assertThat(db.jdbc().sql(People.WITHDREW_CONSENT).query(Long.class).list()).contains(p.id());
    assertThat(persons.withdrawConsent(p.id(), NOW.plusSeconds(90))).isFalse();

    assertThat(persons.setConsent(p.id(), NOW.plusSeconds(120), People.NOTICE_VERSION))
        .as("consenting again ends a withdrawal")
        .isTrue();
    assertThat(persons.withdrewConsent(p.id())).isFalse();
    assertThat(persons.find(p.id()).orElseThrow().hasConsented()).isTrue();
    assertThat(persons.setConsent(p.id(), NOW.plusSeconds(180), People.NOTICE_VERSION)).isFalse();
  }

  @Test
  void whereARoleCameFromIsStoredSoOnlyConfiguredAdminsAreFoundAsSuch() {
    PersonRepository persons = new PersonRepository(db.jdbc());
    String name = "管理员" + UUID.randomUUID().toString().substring(0, 6);
    Person configured = persons.insertIfAbsent("wechat", "o_" + UUID.randomUUID(), NOW);
    Person invited = persons.insertIfAbsent("wechat", "o_" + UUID.randomUUID(), NOW);
    persons.setRole(configured.id(), Role.ADMIN, name, RoleSource.CONFIG);
    persons.setRole(invited.id(), Role.ADMIN, name, RoleSource.INVITE);

    assertThat(persons.configuredAdmins())
        .extracting(Person::id)
        .contains(configured.id())
        .doesNotContain(invited.id());
    assertThat(persons.roleSource(invited.id())).contains(RoleSource.INVITE);
    assertThat(persons.staff(name))
        .extracting(Person::id)
        .containsExactly(configured.id(), invited.id());

    persons.setRole(invited.id(), Role.PARENT, name, null);
    assertThat(persons.roleSource(invited.id())).isEmpty();
    assertThat(persons.staff(name)).extracting(Person::id).containsExactly(configured.id());
  }

  @Test
  void deletingAPersonDeletesTheirMessages() {
    PersonRepository persons = new PersonRepository(db.jdbc());
    Person p = persons.insertIfAbsent("wechat", "o_" + UUID.randomUUID(), NOW);
    db.jdbc()
        .sql(
            "insert into message (person_id, direction, kind, body, created_at)"
                + " values (?, 'IN', 'TEXT', 'x', ?)")
        .params(p.id(), java.sql.Timestamp.from(NOW))
        .update();
    persons.delete(p.id());
    assertThat(
            db.jdbc()
                .sql("select count(*) from message where person_id = ?")
                .param(p.id())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void anInviteCodeWorksOnceAndNotAfterItExpires() {
    PersonRepository persons = new PersonRepository(db.jdbc());
    Person admin = persons.insertIfAbsent("wechat", "o_" + UUID.randomUUID(), NOW);
    Person teacher = persons.insertIfAbsent("wechat", "o_" + UUID.randomUUID(), NOW);
    StaffInvites invites = new StaffInvites(db.jdbc(), Clock.fixed(NOW, ZoneOffset.UTC));
    String code = invites.create(admin.id(), Role.TEACHER, "李红", Duration.ofHours(72));

    assertThat(invites.redeem(code, teacher.id()))
        .contains(new StaffInvites.Redeemed(Role.TEACHER, "李红"));
    assertThat(invites.redeem(code, teacher.id())).isEmpty();

    String late = invites.create(admin.id(), Role.COUNSELOR, "张老师", Duration.ofHours(72));
    StaffInvites later =
        new StaffInvites(db.jdbc(), Clock.fixed(NOW.plus(Duration.ofHours(73)), ZoneOffset.UTC));
    assertThat(later.redeem(late, teacher.id())).isEmpty();
  }

  @Test
  void onlyAHashOfTheCodeIsStored() {
    PersonRepository persons = new PersonRepository(db.jdbc());
    Person admin = persons.insertIfAbsent("wechat", "o_" + UUID.randomUUID(), NOW);
    String code =
        new StaffInvites(db.jdbc(), Clock.fixed(NOW, ZoneOffset.UTC))
            .create(admin.id(), Role.TEACHER, "王老师", Duration.ofHours(1));
    assertThat(
            db.jdbc()
                .sql("select count(*) from staff_invite where code_hash = ?")
                .param(code)
                .query(Long.class)
                .single())
        .isZero();
  }

  private static Person get(Future<Person> f) {
    try {
      return f.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

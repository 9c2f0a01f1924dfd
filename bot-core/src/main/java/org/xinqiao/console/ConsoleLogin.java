package org.xinqiao.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.xinqiao.people.People;
import org.xinqiao.people.Person;
import org.xinqiao.store.AuditLog;
import org.xinqiao.store.SharedState;

/**
 * Password-free console login: a member of staff sends "登录" in WeChat and gets a one-time code, so
 * the console trusts exactly what the chat already trusts (their enrolled WeChat account).
 *
 * <p>A code is a four-letter ticket and six secret digits ({@code KMPT-123456}). The ticket says
 * which code a guess is aimed at, so wrong guesses count against that code and its owner; without
 * it a six-digit guess would hit any live code of anyone. Only a salted SHA-256 of the digits is
 * stored (in the shared store, so every instance sees it); the attempt limits are what really
 * protect a six-digit secret: three wrong tries end a code, five wrong tries within half an hour
 * end all of a person's live codes, and a client with ten failures in fifteen minutes is refused.
 */
@Service
public class ConsoleLogin {

  static final Duration CODE_TTL = Duration.ofMinutes(10);
  static final int MAX_TRIES_PER_CODE = 3;
  static final int MAX_TRIES_PER_PERSON = 5;
  static final Duration PERSON_WINDOW = Duration.ofMinutes(30);
  static final int MAX_FAILURES_PER_CLIENT = 10;
  static final Duration CLIENT_WINDOW = Duration.ofMinutes(15);

  /** Letters that cannot be mistaken for digits or for each other. */
  private static final char[] TICKET_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

  private static final Pattern CODE = Pattern.compile("^([A-Za-z]{4})\\s*[-－—]?\\s*(\\d{6})$");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Logger log = LoggerFactory.getLogger(ConsoleLogin.class);

  private final SharedState state;
  private final People people;
  private final AuditLog audit;

  ConsoleLogin(SharedState state, People people, AuditLog audit) {
    this.state = state;
    this.people = people;
    this.audit = audit;
  }

  /** Why a login was refused. */
  enum Refusal {
    /** Unknown, expired, spent or wrong code. */
    INVALID,
    /** This client failed too often; it must wait. */
    CLIENT_LOCKED
  }

  /** The outcome of typing a code: who logged in, or why not. */
  record Attempt(Optional<StaffPrincipal> staff, Refusal refusal) {
    static Attempt refused(Refusal why) {
      return new Attempt(Optional.empty(), why);
    }
  }

  /** A fresh code for a member of staff, valid once for {@link #CODE_TTL}. */
  public String issueCode(Person person) {
    if (!person.role().isStaff()) {
      throw new IllegalArgumentException("only staff can log in to the console");
    }
    String digits = String.format("%06d", RANDOM.nextInt(1_000_000));
    String salt = HexFormat.of().formatHex(salt());
    while (true) {
      String ticket = ticket();
      String stored = person.id() + ":" + salt + ":" + hash(salt, digits);
      if (state.putIfAbsent(ticketKey(ticket), stored, CODE_TTL)) {
        String live = state.get(liveKey(person.id())).orElse("");
        state.put(liveKey(person.id()), (live + " " + ticket).strip(), CODE_TTL);
        return ticket + "-" + digits;
      }
    }
  }

  /**
   * The staff member a typed code belongs to. A right code is spent; a wrong one counts against the
   * code, its owner and the client ({@code client}: the caller's address, or null).
   */
  Attempt redeem(String typed, String client) {
    String clientKey = "console-login:fail:client:" + (client == null ? "unknown" : client);
    if (state.get(clientKey).map(Long::parseLong).orElse(0L) >= MAX_FAILURES_PER_CLIENT) {
      return Attempt.refused(Refusal.CLIENT_LOCKED);
    }
    Matcher m = CODE.matcher(typed == null ? "" : typed.strip());
    if (!m.matches()) {
      state.increment(clientKey, CLIENT_WINDOW);
      return Attempt.refused(Refusal.INVALID);
    }
    String ticket = m.group(1).toUpperCase(Locale.ROOT);
    Optional<String[]> stored = state.get(ticketKey(ticket)).map(v -> v.split(":", 3));
    if (stored.isEmpty()) {
      state.increment(clientKey, CLIENT_WINDOW);
      return Attempt.refused(Refusal.INVALID);
    }
    long personId = Long.parseLong(stored.get()[0]);
    byte[] expected = stored.get()[2].getBytes(StandardCharsets.US_ASCII);
    byte[] actual = hash(stored.get()[1], m.group(2)).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, actual)) {
      state.increment(clientKey, CLIENT_WINDOW);
      wrongGuess(ticket, personId);
      return Attempt.refused(Refusal.INVALID);
    }
    if (state.take(ticketKey(ticket)).isEmpty()) {
      return Attempt.refused(Refusal.INVALID); // spent a moment ago, on this or another instance
    }
    Optional<StaffPrincipal> staff =
        people.find(personId).filter(p -> p.role().isStaff()).map(StaffPrincipal::of);
    staff.ifPresent(
        s -> audit.append("p" + s.personId(), "console-login", "person", "" + s.personId(), null));
    return new Attempt(staff, staff.isPresent() ? null : Refusal.INVALID);
  }

  /** Ends every live code of a person at once (a lockout, or their role was revoked). */
  public void invalidateCodes(long personId) {
    String live = state.take(liveKey(personId)).orElse("");
    Arrays.stream(live.split(" "))
        .filter(t -> !t.isBlank())
        .forEach(t -> state.delete(ticketKey(t)));
  }

  private void wrongGuess(String ticket, long personId) {
    if (state.increment("console-login:fail:code:" + ticket, CODE_TTL) >= MAX_TRIES_PER_CODE) {
      state.delete(ticketKey(ticket));
    }
    String personKey = "console-login:fail:person:" + personId;
    if (state.increment(personKey, PERSON_WINDOW) >= MAX_TRIES_PER_PERSON) {
      invalidateCodes(personId);
      state.delete(personKey);
      log.warn("console login codes of p{} ended after repeated wrong guesses", personId);
      audit.append("system", "console-login-locked", "person", "" + personId, null);
    }
  }

  private static String ticket() {
    char[] t = new char[4];
    for (int i = 0; i < t.length; i++) {
      t[i] = TICKET_LETTERS[RANDOM.nextInt(TICKET_LETTERS.length)];
    }
    return new String(t);
  }

  private static byte[] salt() {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return salt;
  }

  private static String hash(String salt, String digits) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(sha.digest(digits.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String ticketKey(String ticket) {
    return "console-login:code:" + ticket;
  }

  private static String liveKey(long personId) {
    return "console-login:live:" + personId;
  }
}

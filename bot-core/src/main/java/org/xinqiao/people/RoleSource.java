package org.xinqiao.people;

/**
 * Where a staff role came from. Only {@link #CONFIG} admins are demoted when their openid leaves
 * {@code xinqiao.people.admin-openids}: an admin enrolled by an invitation keeps the role until
 * another admin revokes it.
 */
public enum RoleSource {
  /** Listed in {@code xinqiao.people.admin-openids}. */
  CONFIG,
  /** Redeemed an admin's staff code. */
  INVITE,
  /** One of the simulator's fake personas. */
  SEED
}

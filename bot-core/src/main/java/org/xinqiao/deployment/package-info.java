/**
 * Which account this instance answers for: the simulator's public demo account (everything on one
 * machine, nothing real reachable) or a real service account. Features ask {@link
 * org.xinqiao.deployment.AccountMode} before doing anything only the demo may do (the simulator,
 * its personas seeded as staff, plaintext callbacks), and start-up refuses a mix of both.
 */
package org.xinqiao.deployment;

package org.xinqiao.safety;

/**
 * One whole assessor (rules, exemplars, head) for all tests of this package: the embedding model
 * holds 130+ MB and takes a second to load, so it is loaded once per test JVM.
 */
final class SharedAssessor {

  private SharedAssessor() {}

  private static final class Holder {
    static final RiskAssessor INSTANCE = RiskAssessor.fromClasspath();
  }

  static RiskAssessor get() {
    return Holder.INSTANCE;
  }

  static SemanticLayer semantic() {
    return Holder.INSTANCE.semantic();
  }
}

package org.xinqiao.casework;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseLabelTest {

  @Test
  void acceptsAClassAndInitials() {
    assertThat(CaseLabel.of(" 三(2)班  zx ")).contains("三(2)班 ZX");
    assertThat(CaseLabel.of("五年级3班 WXM")).contains("五年级3班 WXM");
    assertThat(CaseLabel.of("ZX")).contains("ZX");
  }

  @Test
  void refusesAFullNameOrAnEmptyLabel() {
    assertThat(CaseLabel.of("王小明")).isEmpty();
    assertThat(CaseLabel.of("三(2)班 王小明")).isEmpty();
    assertThat(CaseLabel.of("wangxiaoming")).isEmpty();
    assertThat(CaseLabel.of("  ")).isEmpty();
    assertThat(CaseLabel.of(null)).isEmpty();
  }
}

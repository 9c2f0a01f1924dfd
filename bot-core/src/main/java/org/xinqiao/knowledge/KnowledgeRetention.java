package org.xinqiao.knowledge;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xinqiao.store.RetentionProperties;
import org.xinqiao.store.RetentionPurges;
import org.xinqiao.store.RetentionRule;

/** Unanswered questions are kept for {@code xinqiao.retention.unanswered-questions}. */
@Configuration(proxyBeanMethods = false)
class KnowledgeRetention {

  @Bean
  RetentionRule unansweredQuestionRetention(KnowledgeGaps gaps, RetentionProperties properties) {
    return RetentionPurges.rule("kb_gap", properties.unansweredQuestions(), gaps::purgeBefore);
  }
}

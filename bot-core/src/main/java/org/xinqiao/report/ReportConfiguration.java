package org.xinqiao.report;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The reports in the server, built the same way as the command-line tool builds them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportProperties.class)
class ReportConfiguration {

  @Bean
  SemesterReport semesterReport(JdbcClient jdbc, Environment environment) {
    return SemesterReport.sections(jdbc, environment);
  }

  @Bean
  DataAudit dataAudit(JdbcClient jdbc) {
    return new DataAudit(jdbc);
  }

  @Bean
  Incidents incidents(JdbcClient jdbc) {
    return new Incidents(jdbc);
  }
}

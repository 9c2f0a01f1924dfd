package org.xinqiao;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point: the bot server, or a command-line tool when the first argument names one. */
@SpringBootApplication
public class XinQiaoApplication {

  public static void main(String[] args) {
    SpringApplication.run(XinQiaoApplication.class, args);
  }
}

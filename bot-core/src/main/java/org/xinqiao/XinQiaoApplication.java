package org.xinqiao;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.xinqiao.cli.XinQiaoCli;

/** Entry point: the bot server, or a command-line tool when the first argument names one. */
@SpringBootApplication
public class XinQiaoApplication {

  public static void main(String[] args) {
    if (XinQiaoCli.handles(args)) {
      System.exit(XinQiaoCli.run(args));
    }
    SpringApplication.run(XinQiaoApplication.class, args);
  }
}

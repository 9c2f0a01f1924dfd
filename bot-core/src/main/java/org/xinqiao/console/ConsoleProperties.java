package org.xinqiao.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param baseUrl the address staff open in a browser, used in links the bot sends
 */
@ConfigurationProperties("xinqiao.console")
public record ConsoleProperties(@DefaultValue("http://localhost:8080") String baseUrl) {}

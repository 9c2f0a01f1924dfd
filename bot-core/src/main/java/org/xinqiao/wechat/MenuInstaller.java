package org.xinqiao.wechat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.ChannelException;
import org.xinqiao.channels.wechat.WeChatApiClient;

/**
 * Creates the custom menu through the API once the bot is up, off the start-up thread: WeChat being
 * slow or down must not stop the bot from answering.
 */
@Component
class MenuInstaller {

  private static final Logger log = LoggerFactory.getLogger(MenuInstaller.class);

  private final WeChatApiClient api;
  private final WeChatProperties properties;

  MenuInstaller(@Qualifier("wechat") WeChatApiClient api, WeChatProperties properties) {
    this.api = api;
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  void installMenu() {
    if (!properties.createMenu()) {
      return;
    }
    Thread installer = new Thread(this::create, "wechat-menu-installer");
    installer.setDaemon(true);
    installer.start();
  }

  void create() {
    try {
      api.createMenu(WeChatMenu.standard());
      log.info("custom menu created");
    } catch (ChannelException e) {
      log.warn("custom menu not created: WeChat error {}", e.code());
    } catch (RuntimeException e) {
      log.warn("custom menu not created: {}", e.getClass().getSimpleName());
    }
  }
}

package org.xinqiao.wechat;

import java.util.List;
import org.xinqiao.channels.wechat.MenuButton;

/**
 * The account's custom menu. A click arrives as an EVENT message with event {@code CLICK} and one
 * of these keys as its eventKey. Installed with {@code WeChatApiClient.createMenu(standard())}, an
 * admin action (WeChat caches menus for up to five minutes per user).
 */
public final class WeChatMenu {

  public static final String ASK = "ASK";
  public static final String BOOK = "BOOK";
  public static final String ARTICLE = "ARTICLE";
  public static final String SOS = "SOS";

  private WeChatMenu() {}

  public static List<MenuButton> standard() {
    // WeChat allows three top-level buttons: the emergency button and booking stay one tap
    // away; questions and articles share a parent.
    return List.of(
        MenuButton.parent(
            "心理服务", List.of(MenuButton.click("心理问答", ASK), MenuButton.click("每周文章", ARTICLE))),
        MenuButton.click("预约咨询", BOOK),
        MenuButton.click("紧急求助", SOS));
  }
}

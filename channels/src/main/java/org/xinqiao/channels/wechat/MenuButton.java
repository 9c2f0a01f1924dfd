package org.xinqiao.channels.wechat;

import java.util.List;

/**
 * One button of the account's custom menu: a click button carrying a key, a link, or a parent of up
 * to five sub-buttons.
 */
public record MenuButton(String name, String key, String url, List<MenuButton> children) {

  public MenuButton {
    children = children == null ? List.of() : List.copyOf(children);
  }

  public static MenuButton click(String name, String key) {
    return new MenuButton(name, key, null, null);
  }

  public static MenuButton link(String name, String url) {
    return new MenuButton(name, null, url, null);
  }

  public static MenuButton parent(String name, List<MenuButton> children) {
    return new MenuButton(name, null, null, children);
  }
}

package org.xinqiao.push;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xinqiao.channels.ChannelException;

/** Cover images are uploaded once as permanent material and reused by every later draft. */
@Component
class PushMedia {

  private final JdbcClient jdbc;
  private final MassSender sender;
  private final ArticleCatalog catalog;

  PushMedia(JdbcClient jdbc, MassSender sender, ArticleCatalog catalog) {
    this.jdbc = jdbc;
    this.sender = sender;
    this.catalog = catalog;
  }

  String coverFor(Article article) throws ChannelException {
    var known =
        jdbc.sql("select media_id from push_media where path = ?")
            .param(article.cover())
            .query(String.class)
            .optional();
    if (known.isPresent()) {
      return known.get();
    }
    String name = article.cover().substring(article.cover().lastIndexOf('/') + 1);
    String mediaId = sender.uploadImage(name, catalog.cover(article));
    try {
      jdbc.sql("insert into push_media (path, media_id) values (?, ?)")
          .params(article.cover(), mediaId)
          .update();
    } catch (DuplicateKeyException raced) {
      // a manual send uploaded it at the same moment: either copy works
    }
    return mediaId;
  }
}

/** The weekly articles: loading, validation and HTML rendering; used by the weekly push. */
@NamedInterface("articles")
package org.xinqiao.kb.articles;

import org.springframework.modulith.NamedInterface;

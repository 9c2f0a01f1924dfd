package org.xinqiao.channels.wechat;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a WeChat callback (a flat {@code <xml>} of named values) into a map of the root's direct
 * children. StAX with DTDs and external entities off; iterative, so depth cannot overflow the
 * stack. Deeper structures (ScanCodeInfo, ArticleUrlResult ...) are skipped.
 */
final class FlatXml {

  private static final XMLInputFactory FACTORY = newFactory();

  private FlatXml() {}

  private static XMLInputFactory newFactory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  /** Parses the text; throws {@link XMLStreamException} on anything malformed. */
  static Map<String, String> parse(String xml) throws XMLStreamException {
    XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(xml));
    try {
      Map<String, String> values = new HashMap<>();
      int depth = 0;
      String field = null;
      StringBuilder text = new StringBuilder();
      while (r.hasNext()) {
        int event = r.next();
        switch (event) {
          case XMLStreamConstants.START_ELEMENT -> {
            depth++;
            if (depth == 2) {
              field = r.getLocalName();
              text.setLength(0);
            }
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
            if (depth == 2) {
              text.append(r.getText());
            }
          }
          case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.DTD ->
              throw new XMLStreamException("entities are not accepted");
          case XMLStreamConstants.END_ELEMENT -> {
            if (depth == 2 && field != null) {
              values.putIfAbsent(field, text.toString());
              field = null;
            }
            depth--;
          }
          default -> {}
        }
      }
      return values;
    } finally {
      r.close();
    }
  }
}

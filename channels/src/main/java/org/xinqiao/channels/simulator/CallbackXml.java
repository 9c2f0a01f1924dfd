package org.xinqiao.channels.simulator;

import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Writes callback XML the way WeChat does (CDATA for strings) and reads flat reply XML safely. */
final class CallbackXml {

  private final StringBuilder xml = new StringBuilder("<xml>");

  CallbackXml cdata(String name, String value) {
    // "]]>" cannot appear inside CDATA: close the section and open a new one around the ">".
    String safe = value == null ? "" : value.replace("]]>", "]]]]><![CDATA[>");
    xml.append('<').append(name).append("><![CDATA[").append(safe).append("]]></");
    xml.append(name).append('>');
    return this;
  }

  CallbackXml number(String name, long value) {
    xml.append('<').append(name).append('>').append(value).append("</").append(name).append('>');
    return this;
  }

  String build() {
    return xml + "</xml>";
  }

  /**
   * Reads the direct children of the root element as name -> text, and the text of nested items
   * under {@code Articles} as {@code Articles.Title} etc. Refuses DTDs, so no entity tricks.
   */
  static Map<String, String> read(String body) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      Element root = builder.parse(new InputSource(new StringReader(body))).getDocumentElement();
      Map<String, String> fields = new HashMap<>();
      NodeList children = root.getChildNodes();
      for (int i = 0; i < children.getLength(); i++) {
        Node child = children.item(i);
        if (child instanceof Element element) {
          fields.put(element.getTagName(), element.getTextContent());
        }
      }
      NodeList titles = root.getElementsByTagName("Title");
      StringBuilder joined = new StringBuilder();
      for (int i = 0; i < titles.getLength(); i++) {
        joined.append(i == 0 ? "" : "\n").append(titles.item(i).getTextContent());
      }
      if (!joined.isEmpty()) {
        fields.put("Articles.Title", joined.toString());
      }
      return fields;
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalArgumentException("not well-formed XML", e);
    }
  }
}

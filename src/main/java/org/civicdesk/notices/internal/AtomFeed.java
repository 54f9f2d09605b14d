package org.civicdesk.notices.internal;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.stereotype.Component;

/**
 * Writes published notices as an Atom 1.0 feed (RFC 4287) with the JDK's StAX writer, which escapes
 * every text, so a notice's body cannot break the XML. Ids are the notices' public addresses,
 * which never change.
 */
@Component
class AtomFeed {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final OffsetDateTime EPOCH = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    String write(List<Notice> notices, String baseUrl, String title) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(ATOM);
            xml.writeStartElement(ATOM, "feed");
            xml.writeDefaultNamespace(ATOM);
            text(xml, "title", title);
            text(xml, "id", baseUrl + "/public/notices");
            text(xml, "updated", time(notices.stream().map(Notice::updatedAt).max(OffsetDateTime::compareTo)
                    .orElse(EPOCH)));
            link(xml, "self", baseUrl + "/api/v1/public/notices.atom");
            link(xml, "alternate", baseUrl + "/public/notices");
            xml.writeStartElement(ATOM, "author");
            text(xml, "name", title);
            xml.writeEndElement();
            for (Notice n : notices) {
                String url = baseUrl + "/public/notices/" + n.id();
                xml.writeStartElement(ATOM, "entry");
                text(xml, "title", n.title());
                text(xml, "id", url);
                text(xml, "published", time(n.publishedAt()));
                text(xml, "updated", time(n.updatedAt()));
                link(xml, "alternate", url);
                xml.writeStartElement(ATOM, "author");
                text(xml, "name", n.issuerOrg());
                xml.writeEndElement();
                xml.writeEmptyElement(ATOM, "category");
                xml.writeAttribute("term", n.kind().name());
                xml.writeStartElement(ATOM, "content");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(n.body());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the notices feed", e);
        }
        return out.toString();
    }

    private static String time(OffsetDateTime t) {
        return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static void text(XMLStreamWriter xml, String element, String text) throws XMLStreamException {
        xml.writeStartElement(ATOM, element);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement(ATOM, "link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }
}

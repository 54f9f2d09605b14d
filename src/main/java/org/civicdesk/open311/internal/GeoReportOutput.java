package org.civicdesk.open311.internal;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes GeoReport v2 answers in either format from one structure, the standard's XML with its JSON
 * mapping (the Spark convention): a list of elements under a root ({@code <services><service>…}, in JSON
 * an array of objects), or one element ({@code <service_definition>}, in JSON an object). Fields are
 * written in the order given; an absent value is an empty element in XML and null in JSON. A field whose
 * value is a list holds elements named by {@link #ITEMS}.
 */
@Component
class GeoReportOutput {

    /** What the elements of a list are called in XML, by the list's name. */
    private static final Map<String, String> ITEMS = Map.of("services", "service", "service_requests", "request",
            "errors", "error", "attributes", "attribute", "values", "value");

    static final MediaType XML = MediaType.parseMediaType("text/xml;charset=UTF-8");
    static final MediaType JSON = MediaType.parseMediaType("application/json;charset=UTF-8");

    private final JsonMapper json;
    private final XMLOutputFactory xml = XMLOutputFactory.newFactory();

    /** Unlike the rest of the API, an absent value is written as null, as the standard's examples show it. */
    GeoReportOutput(JsonMapper json) {
        this.json = json.rebuild().changeDefaultPropertyInclusion(inclusion -> inclusion
                .withValueInclusion(JsonInclude.Include.ALWAYS).withContentInclusion(JsonInclude.Include.ALWAYS))
                .build();
    }

    /** The formats the standard names in the address: {@code .xml} and {@code .json}. */
    enum Format {
        XML, JSON;

        static Format of(String extension) {
            return switch (extension) {
                case "xml" -> XML;
                case "json" -> JSON;
                default -> null;
            };
        }
    }

    ResponseEntity<String> list(HttpStatus status, Format format, String root, List<Map<String, Object>> items) {
        if (format == Format.JSON) {
            return ResponseEntity.status(status).contentType(JSON).body(json.writeValueAsString(items));
        }
        return ResponseEntity.status(status).contentType(XML).body(xml(w -> writeList(w, root, items)));
    }

    ResponseEntity<String> one(Format format, String root, Map<String, Object> element) {
        if (format == Format.JSON) {
            return ResponseEntity.ok().contentType(JSON).body(json.writeValueAsString(element));
        }
        return ResponseEntity.ok().contentType(XML).body(xml(w -> writeElement(w, root, element)));
    }

    private interface XmlBody {
        void write(XMLStreamWriter writer) throws XMLStreamException;
    }

    private String xml(XmlBody body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter writer = xml.createXMLStreamWriter(out);
            writer.writeStartDocument("UTF-8", "1.0");
            body.write(writer);
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing XML to a string cannot fail", e);
        }
        return out.toString();
    }

    private static void writeList(XMLStreamWriter writer, String name, List<?> items) throws XMLStreamException {
        writer.writeStartElement(name);
        for (Object item : items) {
            @SuppressWarnings("unchecked")
            Map<String, Object> element = (Map<String, Object>) item;
            writeElement(writer, ITEMS.get(name), element);
        }
        writer.writeEndElement();
    }

    private static void writeElement(XMLStreamWriter writer, String name, Map<String, Object> fields)
            throws XMLStreamException {
        writer.writeStartElement(name);
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (field.getValue() instanceof List<?> items) {
                writeList(writer, field.getKey(), items);
            } else if (field.getValue() == null) {
                writer.writeEmptyElement(field.getKey());
            } else {
                writer.writeStartElement(field.getKey());
                writer.writeCharacters(field.getValue() instanceof BigDecimal number ? number.toPlainString()
                        : field.getValue().toString());
                writer.writeEndElement();
            }
        }
        writer.writeEndElement();
    }
}

package io.mixbench.workspace.internal;

import io.mixbench.rule.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.osgi.framework.Bundle;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The rules a bundle declares in its Declarative Services component descriptions ({@code Service-Component}),
 * read from the jar without starting the bundle: listing plug-ins must not run their code.
 */
final class ComponentDescriptions {

    private ComponentDescriptions() {
    }

    /**
     * The ids of the rule components the bundle declares (the {@value Rule#ID} property; the component's name
     * when it has none), in the order of the descriptions; an unreadable description is skipped.
     */
    static List<String> ruleIds(Bundle bundle) {
        String header = bundle.getHeaders("").get("Service-Component");
        if (header == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (String entry : header.split(",")) {
            String path = entry.trim();
            int slash = path.lastIndexOf('/');
            String dir = slash < 0 ? "/" : path.substring(0, slash);
            String pattern = path.substring(slash + 1);
            var urls = bundle.findEntries(dir, pattern, false);
            for (URL url : urls == null ? List.<URL>of() : Collections.list(urls)) {
                try (InputStream in = url.openStream()) {
                    ids.addAll(ruleIds(parser().parse(in)));
                } catch (IOException | SAXException | ParserConfigurationException e) {
                    // Not a readable description: the bundle's line in the listing still shows.
                }
            }
        }
        return ids;
    }

    private static List<String> ruleIds(Document document) {
        List<String> ids = new ArrayList<>();
        NodeList components = document.getElementsByTagNameNS("*", "component");
        for (int i = 0; i < components.getLength(); i++) {
            Element component = (Element) components.item(i);
            if (!provides(component, Rule.class.getName())) {
                continue;
            }
            String id = component.getAttribute("name");
            NodeList properties = component.getElementsByTagName("property");
            for (int j = 0; j < properties.getLength(); j++) {
                Element property = (Element) properties.item(j);
                if (property.getAttribute("name").equals(Rule.ID)) {
                    id = property.hasAttribute("value")
                            ? property.getAttribute("value")
                            : property.getTextContent().strip();
                }
            }
            ids.add(id);
        }
        return ids;
    }

    private static boolean provides(Element component, String type) {
        NodeList provides = component.getElementsByTagName("provide");
        for (int i = 0; i < provides.getLength(); i++) {
            if (((Element) provides.item(i)).getAttribute("interface").equals(type)) {
                return true;
            }
        }
        return false;
    }

    /** A parser that reads no external entities or DTDs: the XML comes from a third-party jar. */
    private static DocumentBuilder parser() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder();
    }
}

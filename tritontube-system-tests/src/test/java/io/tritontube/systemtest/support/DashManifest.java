package io.tritontube.systemtest.support;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The file names a DASH manifest refers to: each representation's init segment and every
 * media segment its SegmentTimeline lists, expanded from the SegmentTemplate.
 */
public final class DashManifest {

    private DashManifest() {
    }

    public static List<String> fileNames(byte[] manifest) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(manifest));
            List<String> names = new ArrayList<>();
            NodeList sets = document.getElementsByTagName("AdaptationSet");
            for (int i = 0; i < sets.getLength(); i++) {
                Element set = (Element) sets.item(i);
                Element template = (Element) set.getElementsByTagName("SegmentTemplate").item(0);
                int segments = segmentCount(template);
                int startNumber = Integer.parseInt(template.getAttribute("startNumber").isEmpty() ? "1" : template.getAttribute("startNumber"));
                NodeList representations = set.getElementsByTagName("Representation");
                for (int r = 0; r < representations.getLength(); r++) {
                    String id = ((Element) representations.item(r)).getAttribute("id");
                    names.add(template.getAttribute("initialization").replace("$RepresentationID$", id));
                    for (int n = startNumber; n < startNumber + segments; n++) {
                        names.add(expand(template.getAttribute("media"), id, n));
                    }
                }
            }
            return names;
        } catch (Exception e) {
            throw new AssertionError("the manifest is not a DASH MPD this test understands: " + new String(manifest), e);
        }
    }

    private static int segmentCount(Element template) {
        NodeList entries = template.getElementsByTagName("S");
        int count = 0;
        for (int i = 0; i < entries.getLength(); i++) {
            String repeat = ((Element) entries.item(i)).getAttribute("r");
            count += 1 + (repeat.isEmpty() ? 0 : Integer.parseInt(repeat));
        }
        return count;
    }

    private static String expand(String media, String representationId, int number) {
        String named = media.replace("$RepresentationID$", representationId);
        int start = named.indexOf("$Number");
        int end = named.indexOf('$', start + 1);
        String format = named.substring(start + "$Number".length(), end);
        String formatted = format.isEmpty() ? Integer.toString(number) : String.format(format, number);
        return named.substring(0, start) + formatted + named.substring(end + 1);
    }
}

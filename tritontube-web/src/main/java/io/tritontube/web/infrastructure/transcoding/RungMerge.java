package io.tritontube.web.infrastructure.transcoding;

import io.tritontube.web.application.media.PackagingException;
import io.tritontube.web.domain.content.PackagedFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Adds the renditions of a separate ffmpeg run ({@link DashCommand#lowerRungArguments}) to a
 * packaged presentation, as if one run had made them all.
 *
 * <p>The new video representations take the next free ids, after the copied video (0) and
 * its audio (1): their init segments, media segments and HLS media playlists are renamed to
 * match, since every name carries the id. They join the manifest's video adaptation set, and
 * the HLS master playlist gets a variant for each, with the existing audio group. Existing
 * files keep their names and bytes; only the manifest and the master playlist are rewritten.
 *
 * <p>Before anything is written the new representations' segments are checked to start at the
 * same times as the copied video's: a player switches only at segment boundaries, so a ladder
 * whose boundaries differ would stall or jump.
 */
final class RungMerge {

    private static final String DASH_NAMESPACE = "urn:mpeg:dash:schema:mpd:2011";
    /** Boundaries are the same source frames; the two timescales round them differently by far less. */
    private static final double ALIGNMENT_TOLERANCE_SECONDS = 0.005;
    private static final Pattern STREAM_INF = Pattern.compile("^#EXT-X-STREAM-INF:(.*)$", Pattern.MULTILINE);

    private RungMerge() {
    }

    /**
     * Writes into {@code outputDirectory} the encoded representations' files, renumbered, and
     * the packaged presentation's manifest and master playlist with them added.
     *
     * @param packagedDirectory the presentation as published
     * @param encodedDirectory  the lower rungs' own run: its representation 0 is the first rung
     * @throws PackagingException when a rung's segments do not line up with the copied video's
     */
    static void merge(Path packagedDirectory, Path encodedDirectory, Path outputDirectory) throws PackagingException, IOException {
        Document manifest = parse(packagedDirectory.resolve(PackagedFiles.MANIFEST.value()));
        Element videoSet = videoAdaptationSet(manifest);
        Element copied = representations(videoSet).get(0);
        List<Double> copiedStarts = SegmentTimeline.startsOf(copied);
        int nextId = nextRepresentationId(manifest);
        List<Renumbering> renumberings = new ArrayList<>();
        for (Element rung : representations(videoAdaptationSet(parse(encodedDirectory.resolve(PackagedFiles.MANIFEST.value()))))) {
            checkAligned(rung, SegmentTimeline.startsOf(rung), copiedStarts);
            Renumbering renumbering = new Renumbering(Integer.parseInt(rung.getAttribute("id")), nextId++);
            Element added = (Element) manifest.importNode(rung, true);
            added.setAttribute("id", Integer.toString(renumbering.newId()));
            videoSet.appendChild(added);
            renumberings.add(renumbering);
        }
        for (Renumbering renumbering : renumberings) {
            renumbering.moveFiles(encodedDirectory, outputDirectory);
        }
        Path master = packagedDirectory.resolve(PackagedFiles.HLS_MASTER.value());
        if (Files.isRegularFile(master)) {
            String merged = withVariants(Files.readString(master), Files.readString(encodedDirectory.resolve(PackagedFiles.HLS_MASTER.value())),
                    renumberings, audioBandwidth(manifest));
            Files.writeString(outputDirectory.resolve(PackagedFiles.HLS_MASTER.value()), merged);
        }
        write(manifest, outputDirectory.resolve(PackagedFiles.MANIFEST.value()));
    }

    /**
     * {@code published} with one variant per rung of {@code rungs} (a master playlist of video
     * only) appended: the rung's bandwidth plus the audio's, its codec followed by the audio's,
     * and the audio group that the published variant plays with.
     */
    static String withVariants(String published, String rungs, List<Renumbering> renumberings, long audioBandwidth) {
        Matcher publishedVariant = STREAM_INF.matcher(published);
        Optional<String> audioCodecs = Optional.empty();
        Optional<String> audioGroup = Optional.empty();
        if (publishedVariant.find()) {
            String attributes = publishedVariant.group(1);
            audioCodecs = attribute(attributes, "CODECS").filter(codecs -> codecs.contains(","))
                    .map(codecs -> codecs.substring(codecs.indexOf(',') + 1));
            audioGroup = attribute(attributes, "AUDIO");
        }
        StringBuilder merged = new StringBuilder(published.stripTrailing()).append('\n');
        Matcher variant = STREAM_INF.matcher(rungs);
        for (Renumbering renumbering : renumberings) {
            if (!variant.find()) {
                break;
            }
            String attributes = variant.group(1);
            long bandwidth = Long.parseLong(attribute(attributes, "BANDWIDTH").orElse("0")) + audioBandwidth;
            StringBuilder line = new StringBuilder("#EXT-X-STREAM-INF:BANDWIDTH=").append(bandwidth);
            attribute(attributes, "RESOLUTION").ifPresent(resolution -> line.append(",RESOLUTION=").append(resolution));
            String codecs = attribute(attributes, "CODECS").orElse("") + audioCodecs.map(audio -> "," + audio).orElse("");
            line.append(",CODECS=\"").append(codecs).append('"');
            audioGroup.ifPresent(group -> line.append(",AUDIO=\"").append(group).append('"'));
            merged.append(line).append('\n').append(mediaPlaylist(renumbering.newId())).append('\n');
        }
        return merged.toString();
    }

    /** An HLS attribute's value, quotes removed; none when absent. */
    private static Optional<String> attribute(String attributes, String name) {
        Matcher value = Pattern.compile("(?:^|,)" + name + "=(\"[^\"]*\"|[^,]*)").matcher(attributes);
        return value.find() ? Optional.of(value.group(1).replace("\"", "")) : Optional.empty();
    }

    private static void checkAligned(Element rung, List<Double> rungStarts, List<Double> copiedStarts) throws PackagingException {
        boolean aligned = rungStarts.size() == copiedStarts.size();
        for (int i = 0; aligned && i < rungStarts.size(); i++) {
            aligned = Math.abs(rungStarts.get(i) - copiedStarts.get(i)) <= ALIGNMENT_TOLERANCE_SECONDS;
        }
        if (!aligned) {
            throw new PackagingException("the " + rung.getAttribute("height") + "p rendition's segments start at "
                    + rungStarts + " s, not where the copied video's do: " + copiedStarts + " s");
        }
    }

    private static Element videoAdaptationSet(Document manifest) throws PackagingException {
        NodeList sets = manifest.getElementsByTagNameNS(DASH_NAMESPACE, "AdaptationSet");
        for (int i = 0; i < sets.getLength(); i++) {
            Element set = (Element) sets.item(i);
            if (set.getAttribute("contentType").equals("video") && !representations(set).isEmpty()) {
                return set;
            }
        }
        throw new PackagingException("the manifest has no video adaptation set");
    }

    /** The set's representations, in document order. */
    private static List<Element> representations(Element adaptationSet) {
        List<Element> found = new ArrayList<>();
        for (Node child = adaptationSet.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getLocalName().equals("Representation")) {
                found.add(element);
            }
        }
        return found;
    }

    private static int nextRepresentationId(Document manifest) {
        NodeList all = manifest.getElementsByTagNameNS(DASH_NAMESPACE, "Representation");
        int highest = -1;
        for (int i = 0; i < all.getLength(); i++) {
            highest = Math.max(highest, Integer.parseInt(((Element) all.item(i)).getAttribute("id")));
        }
        return highest + 1;
    }

    /** The audio representation's bandwidth in bits a second; 0 for a silent video. */
    private static long audioBandwidth(Document manifest) {
        NodeList sets = manifest.getElementsByTagNameNS(DASH_NAMESPACE, "AdaptationSet");
        for (int i = 0; i < sets.getLength(); i++) {
            Element set = (Element) sets.item(i);
            if (set.getAttribute("contentType").equals("audio") && !representations(set).isEmpty()) {
                return Long.parseLong(representations(set).get(0).getAttribute("bandwidth"));
            }
        }
        return 0;
    }

    private static Document parse(Path file) throws IOException, PackagingException {
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new PackagingException("the manifest " + file.getFileName() + " cannot be read: " + e.getMessage());
        }
    }

    private static void write(Document manifest, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "utf-8");
            transformer.transform(new DOMSource(manifest), new StreamResult(out));
        } catch (TransformerException e) {
            throw new IOException("could not write " + file, e);
        }
    }

    /** {@code media_2.m3u8}: ffmpeg's name for a representation's HLS media playlist. */
    private static String mediaPlaylist(int id) {
        return "media_" + id + ".m3u8";
    }

    /** One encoded representation's id in its own run, and the id it takes in the presentation. */
    record Renumbering(int oldId, int newId) {

        /** Moves the init segment and the media segments, and rewrites the media playlist that names them. */
        void moveFiles(Path from, Path to) throws IOException {
            Files.move(from.resolve(initSegment(oldId)), to.resolve(initSegment(newId)));
            String oldChunks = "chunk-" + oldId + "-";
            try (Stream<Path> files = Files.list(from)) {
                for (Path chunk : files.filter(file -> file.getFileName().toString().startsWith(oldChunks)).toList()) {
                    String suffix = chunk.getFileName().toString().substring(oldChunks.length());
                    Files.move(chunk, to.resolve("chunk-" + newId + "-" + suffix));
                }
            }
            Path playlist = from.resolve(mediaPlaylist(oldId));
            if (Files.isRegularFile(playlist)) {
                String renamed = Files.readString(playlist)
                        .replace("\"" + initSegment(oldId) + "\"", "\"" + initSegment(newId) + "\"")
                        .replaceAll("(?m)^" + Pattern.quote(oldChunks), "chunk-" + newId + "-");
                Files.writeString(to.resolve(mediaPlaylist(newId)), renamed);
                Files.delete(playlist);
            }
        }

        private static String initSegment(int id) {
            return "init-" + id + ".m4s";
        }
    }
}

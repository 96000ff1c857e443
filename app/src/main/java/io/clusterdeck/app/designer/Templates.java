package io.clusterdeck.app.designer;

import io.clusterdeck.design.Design;
import io.clusterdeck.design.DesignFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Designs a new file starts from: a small starter and the example designs. */
public final class Templates {
    /** The templates, in the order the menu lists them. */
    private static final List<String[]> ALL = List.of(
            new String[] {"Starter: two small segments and a call", "/io/clusterdeck/app/designer/starter.json"},
            new String[] {"Hello: one function, run standalone", "/io/clusterdeck/app/templates/hello.json"},
            new String[] {"Web shop: nine functions in three segments", "/io/clusterdeck/app/templates/webshop.json"},
            new String[] {"Failover lab: workers to kill, pause and sicken", "/io/clusterdeck/app/templates/failover-lab.json"});

    private Templates() {
    }

    /** A design to start from, with the words that offer it and the text it is written in. */
    public record Template(String title, Design design, String text) {
    }

    /** Two small segments with a call between them: enough to see every part of the designer. */
    public static Design starter() {
        return all().get(0).design();
    }

    /** Every template, the starter first. */
    public static List<Template> all() {
        return ALL.stream().map(t -> {
            var text = read(t[1]);
            var name = t[1].substring(t[1].lastIndexOf('/') + 1);
            return new Template(t[0], DesignFiles.parse(text, name).orThrow(), text);
        }).toList();
    }

    private static String read(String resource) {
        try (InputStream in = Templates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the template " + resource + " is missing from the app");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

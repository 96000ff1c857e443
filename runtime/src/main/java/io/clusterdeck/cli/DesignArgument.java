package io.clusterdeck.cli;

import io.clusterdeck.design.Design;
import io.clusterdeck.design.DesignFiles;
import io.clusterdeck.json.Parsed;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads a design named on the command line: a missing file is a usage error, problems are listed. */
final class DesignArgument {
    private DesignArgument() {
    }

    static Parsed<Design> load(Path file) {
        if (!Files.exists(file)) {
            throw new UsageException(file + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new UsageException(file + ": is a folder, not a design file");
        }
        return DesignFiles.load(file);
    }

    /** Prints every problem; true when there was none. */
    static boolean report(Parsed<Design> parsed, PrintWriter err) {
        parsed.problems().forEach(err::println);
        err.flush();
        return parsed.ok();
    }

}

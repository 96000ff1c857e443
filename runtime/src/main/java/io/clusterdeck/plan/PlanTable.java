package io.clusterdeck.plan;

import java.util.ArrayList;
import java.util.List;

/** A plan as a plain-text table, one process a row, then the entry URL. */
public final class PlanTable {
    private PlanTable() {
    }

    public static String render(Plan plan) {
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("NAME", "ROLE", "SEGMENT", "PORT", "URL"));
        for (var p : plan.processes()) {
            rows.add(List.of(p.name(), p.role().json(), p.segment() == null ? "-" : p.segment(),
                    Integer.toString(p.port()), p.url()));
        }
        return "Plan for design '" + plan.design() + "' (" + plan.mode().json() + ", " + plan.processes().size()
                + " processes)\n\n" + table(rows) + "\nEntry: " + plan.entryUrl() + "\n";
    }

    /** Left-aligned columns separated by two spaces. */
    public static String table(List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (var row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        var out = new StringBuilder();
        for (var row : rows) {
            var line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                line.append(c == columns - 1 ? row.get(c) : String.format("%-" + (widths[c] + 2) + "s", row.get(c)));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}

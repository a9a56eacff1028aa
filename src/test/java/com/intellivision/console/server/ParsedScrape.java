package com.intellivision.console.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hawkular.agent.prometheus.text.TextPrometheusMetricDataParser;
import org.hawkular.agent.prometheus.types.Metric;
import org.hawkular.agent.prometheus.types.MetricFamily;

/** A scrape read back by a Prometheus text-format parser, so tests check what Prometheus would store. */
final class ParsedScrape {

    private final Map<String, MetricFamily> families = new HashMap<>();

    private ParsedScrape(String text) throws IOException {
        var parser = new TextPrometheusMetricDataParser(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        for (MetricFamily family = parser.parse(); family != null; family = parser.parse()) {
            families.put(family.getName(), family);
        }
    }

    static ParsedScrape of(String text) throws IOException {
        return new ParsedScrape(text);
    }

    MetricFamily family(String name) {
        MetricFamily family = families.get(name);
        if (family == null) {
            throw new AssertionError("no metric family " + name + " in the scrape; it has " + families.keySet());
        }
        return family;
    }

    /** The one series of {@code name} whose labels include {@code labels} (given as name, value, ...), or null. */
    <M extends Metric> M series(String name, Class<M> type, String... labels) {
        List<Metric> matching = family(name).getMetrics().stream().filter(metric -> hasLabels(metric, labels)).toList();
        if (matching.size() > 1) {
            throw new AssertionError(matching.size() + " series of " + name + " match " + String.join(",", labels));
        }
        return matching.isEmpty() ? null : type.cast(matching.get(0));
    }

    private static boolean hasLabels(Metric metric, String... labels) {
        for (int i = 0; i < labels.length; i += 2) {
            if (!labels[i + 1].equals(metric.getLabels().get(labels[i]))) {
                return false;
            }
        }
        return true;
    }
}

package com.intellivision.console.app;

import com.intellivision.console.job.JobType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Job types as people type them: the IntelliVision wire name ({@code people-count},
 * {@code youtube_frame_extraction}) or the short name the console shows ({@code frame},
 * {@code food-waste}), in any case, with dashes, underscores or spaces alike.
 */
final class JobTypeNames implements ITypeConverter<JobType>, Iterable<String> {

    @Override
    public JobType convert(String typed) {
        String wanted = normalized(typed);
        for (JobType type : JobType.values()) {
            if (normalized(type.wireName()).equals(wanted) || normalized(type.displayName()).equals(wanted)) {
                return type;
            }
        }
        throw new TypeConversionException("'" + typed + "' is not a job type; choose one of " + String.join(", ", this));
    }

    /** The names the help lists: each wire name, and the short name where it differs. */
    @Override
    public Iterator<String> iterator() {
        List<String> names = new ArrayList<>();
        for (JobType type : JobType.values()) {
            String shortName = normalized(type.displayName());
            names.add(shortName.equals(normalized(type.wireName())) ? type.wireName() : shortName + " (" + type.wireName() + ")");
        }
        return names.iterator();
    }

    private static String normalized(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "-");
    }
}

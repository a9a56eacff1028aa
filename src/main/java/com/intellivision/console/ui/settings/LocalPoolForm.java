package com.intellivision.console.ui.settings;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The local pool's settings as people type them: each field checked as it changes, with the reason
 * it cannot be used, and the settings only once all three are right.
 */
public final class LocalPoolForm {

    private final StringProperty workers = new SimpleStringProperty();
    private final StringProperty softLimit = new SimpleStringProperty();
    private final StringProperty hardLimit = new SimpleStringProperty();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final BooleanBinding valid = Bindings.createBooleanBinding(() -> problem.get().isEmpty(), problem);
    private final int cores;

    /** @param cores the machine's cores, which "one per core" means */
    public LocalPoolForm(LocalPoolSettings current, int cores) {
        this.cores = cores;
        workers.set(current.workers() == 0 ? "" : Integer.toString(current.workers()));
        softLimit.set(Long.toString(current.softMemoryLimitMiB()));
        hardLimit.set(Long.toString(current.hardMemoryLimitMiB()));
        workers.addListener(ignored -> check());
        softLimit.addListener(ignored -> check());
        hardLimit.addListener(ignored -> check());
        check();
    }

    private void check() {
        problem.set(read().problem());
    }

    /** The settings typed, if they can be used. */
    public Optional<LocalPoolSettings> settings() {
        return Optional.ofNullable(read().settings());
    }

    private Reading read() {
        String typedWorkers = workers.get().strip();
        Long count = typedWorkers.isEmpty() ? Long.valueOf(0) : wholeNumber(typedWorkers);
        if (count == null || count < 0 || count > LocalPoolSettings.MAX_WORKERS || !typedWorkers.isEmpty() && count == 0) {
            return Reading.refused("Workers must be a whole number from 1 to " + LocalPoolSettings.MAX_WORKERS
                    + ", or empty for one per core (" + cores + ").");
        }
        Long soft = wholeNumber(softLimit.get().strip());
        if (soft == null || soft < LocalPoolSettings.MIN_MEMORY_LIMIT_MIB) {
            return Reading.refused("The soft memory limit must be a whole number of MiB, at least " + LocalPoolSettings.MIN_MEMORY_LIMIT_MIB + ".");
        }
        Long hard = wholeNumber(hardLimit.get().strip());
        if (hard == null || hard < soft) {
            return Reading.refused("The hard memory limit must be a whole number of MiB, at least the soft limit (" + soft + ").");
        }
        return new Reading(new LocalPoolSettings(count.intValue(), soft, hard), "");
    }

    private static Long wholeNumber(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notOne) {
            return null;
        }
    }

    private record Reading(LocalPoolSettings settings, String problem) {
        static Reading refused(String why) {
            return new Reading(null, why);
        }
    }

    public StringProperty workersProperty() {
        return workers;
    }

    public StringProperty softLimitProperty() {
        return softLimit;
    }

    public StringProperty hardLimitProperty() {
        return hardLimit;
    }

    /** Why the typed settings cannot be used, or empty when they can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public int cores() {
        return cores;
    }
}

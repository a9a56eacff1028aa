package com.intellivision.console.ui.submit;

import com.intellivision.console.deployment.LinkPreview;
import com.intellivision.console.job.LinkDetails;
import com.intellivision.console.job.Storyboard;
import com.intellivision.console.job.Timecode;
import com.intellivision.console.job.VideoLinks;
import com.intellivision.console.ui.common.Failures;
import com.intellivision.console.ui.common.TaskRunner;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The card under the URL field: what a pasted link leads to (title, channel, length, the stream a job
 * will read, a thumbnail, and where the site publishes a storyboard a scrub bar to pick the moment of
 * the frame), or why it cannot be used, looked up by the deployment shown before any job
 * exists. Typing on hides the card and drops the answer still on its way; a submit of the link being
 * looked up waits for it, so that the job starts from that lookup rather than making its own.
 */
public final class LinkCardViewModel {

    /** What the card shows. */
    public enum Face {
        /** No card: nothing to look up, or a deployment that does not look links up. */
        NONE,
        LOOKING,
        FOUND,
        UNUSABLE
    }

    /** A lookup on its way, and the link it is for. */
    private record Lookup(String link, CompletableFuture<Void> done) {}

    /** How long a submit waits for the lookup of its link; a slower site is left to the job's worker. */
    private static final Duration LOOKUP_WAIT = Duration.ofSeconds(15);

    private final TaskRunner tasks;
    private final ReadOnlyObjectWrapper<Face> face = new ReadOnlyObjectWrapper<>(Face.NONE);
    private final ReadOnlyObjectWrapper<LinkDetails> details = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper about = new ReadOnlyStringWrapper("");
    private final AtomicReference<Lookup> current = new AtomicReference<>();
    private final ReadOnlyDoubleWrapper scrubLength = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyObjectWrapper<Storyboard.Tile> tile = new ReadOnlyObjectWrapper<>();
    private Optional<LinkPreview> preview = Optional.empty();
    private Consumer<String> chooseTime = chosen -> { };

    public LinkCardViewModel(TaskRunner tasks) {
        this.tasks = tasks;
    }

    /** Looks links up with the deployment now shown, if it can; a card about another deployment's lookup goes. */
    public void lookUpWith(Optional<LinkPreview> shown) {
        preview = shown;
        forget();
    }

    /** Where a moment picked on the card's storyboard goes, as a timestamp: the form's time field. */
    void onMomentChosen(Consumer<String> timestamp) {
        chooseTime = timestamp;
    }

    /**
     * The person picked the moment {@code seconds} on the card's scrub bar: its storyboard tile shows,
     * and the form's time becomes it, so Submit takes the frame there.
     */
    public void choose(double seconds) {
        LinkDetails found = details.get();
        if (found == null || scrubLength.get() <= 0) {
            return;
        }
        double at = Math.round(Math.max(0, Math.min(scrubLength.get(), seconds)) * 10) / 10.0;
        tile.set(found.storyboard().tileAt(Math.min(at, scrubLength.get() - 1e-6)).orElse(null));
        chooseTime.accept(Timecode.format(at));
    }

    /** The field changed: the card and any answer on its way are about another text. */
    public void textChanged() {
        forget();
    }

    /** Whether {@code text} is a link worth looking up: a YouTube or other web link, with a deployment to ask. */
    public boolean worthLookingUp(String text) {
        VideoLinks.Kind kind = VideoLinks.read(text).kind();
        return preview.isPresent() && (kind == VideoLinks.Kind.YOUTUBE_VIDEO || kind == VideoLinks.Kind.WEB_LINK);
    }

    /**
     * Looks {@code text} up in the background, once the person has paused or submits; the answer counts
     * only while it is still the text. A link already looked up, or on its way, is not asked again.
     */
    public void lookUp(String text) {
        if (!worthLookingUp(text)) {
            return;
        }
        String link = text.strip();
        Lookup before = current.get();
        if (before != null && before.link().equals(link)) {
            return;
        }
        LinkPreview asked = preview.orElseThrow();
        Lookup lookup = new Lookup(link, new CompletableFuture<>());
        current.set(lookup);
        face.set(Face.LOOKING);
        tasks.run(() -> {
            try {
                return asked.preview(link);
            } finally {
                lookup.done().complete(null);
            }
        }, found -> {
            if (current.get() == lookup) {
                show(found);
            }
        }, failure -> {
            if (current.get() == lookup) {
                showProblem(failure instanceof LinkPreview.Unusable ? failure.getMessage() : Failures.messageOf(failure));
            }
        });
    }

    /**
     * {@code submit}, to be run in the background once the card's lookup of {@code link} has ended, so
     * that the job starts from it. Call on the UI thread: a link not looked up yet is looked up now,
     * once, for the card and the job alike.
     */
    public <T> Supplier<T> afterLookUp(String link, Supplier<T> submit) {
        lookUp(link);
        return () -> {
            awaitLookUp(link, LOOKUP_WAIT);
            return submit.get();
        };
    }

    /**
     * Waits, at most {@code limit}, for the lookup of {@code link} still on its way, if there is one; call
     * it off the UI thread. A submit does, so that its job finds the link already resolved.
     */
    public void awaitLookUp(String link, Duration limit) {
        Lookup lookup = current.get();
        if (lookup == null || !lookup.link().equals(link.strip())) {
            return;
        }
        try {
            lookup.done().get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException slowOrFailed) {
            // The job resolves the link itself.
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void show(LinkDetails found) {
        details.set(found);
        tile.set(null);
        scrubLength.set(found.storyboard() != null && found.storyboard().isUsable() ? found.storyboard().coveredSeconds() : 0);
        about.set(Stream.of(found.channel(), found.durationSeconds() == null ? null : lengthOf(found.durationSeconds()))
                .filter(part -> part != null && !part.isBlank()).collect(Collectors.joining(" · ")));
        problem.set("");
        face.set(Face.FOUND);
    }

    /** A video's length as players show it: 3:25, or 1:02:07. */
    static String lengthOf(double seconds) {
        long whole = Math.round(seconds);
        long hours = whole / 3600;
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, whole / 60 % 60, whole % 60)
                : String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
    }

    private void showProblem(String reason) {
        details.set(null);
        about.set("");
        problem.set(reason);
        face.set(Face.UNUSABLE);
    }

    private void forget() {
        current.set(null);
        scrubLength.set(0);
        tile.set(null);
        details.set(null);
        about.set("");
        problem.set("");
        face.set(Face.NONE);
    }

    /** How much of the video the card's scrub bar covers, in seconds; 0 where the site gives no storyboard. */
    public ReadOnlyDoubleProperty scrubLengthProperty() {
        return scrubLength.getReadOnlyProperty();
    }

    /** The storyboard's picture of the moment picked, or null before one is. */
    public ReadOnlyObjectProperty<Storyboard.Tile> tileProperty() {
        return tile.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Face> faceProperty() {
        return face.getReadOnlyProperty();
    }

    /** What the link leads to, while the card shows it found. */
    public ReadOnlyObjectProperty<LinkDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** The channel and the length, as one line ("Courtyard Cams · 3:25"), or empty. */
    public ReadOnlyStringProperty aboutProperty() {
        return about.getReadOnlyProperty();
    }

    /** Why the link cannot be used, while the card says so. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}

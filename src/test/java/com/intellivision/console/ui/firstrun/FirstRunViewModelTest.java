package com.intellivision.console.ui.firstrun;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.deployment.FirstRunHelp;
import com.intellivision.console.ui.common.TaskRunner;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** When the guide shows: on a deployment that offers help, once its jobs were read and were none, until its first job. */
class FirstRunViewModelTest {

    private final AtomicInteger checks = new AtomicInteger();
    private final FirstRunHelp help = new FirstRunHelp() {
        @Override
        public Path makeSampleVideo() {
            return Path.of("/data/samples/people-walking.mp4");
        }

        @Override
        public Optional<String> ytDlpProblem() {
            checks.incrementAndGet();
            return Optional.of("yt-dlp is not installed");
        }
    };
    private final FirstRunViewModel guide = new FirstRunViewModel(new TaskRunner(Runnable::run, Runnable::run));

    @Test
    void showsOnceTheEmptyPoolIsListedAndGoesAtItsFirstJob() {
        guide.show("local", Optional.of(help));
        assertThat(guide.shownProperty().get()).as("before its jobs were read").isFalse();
        assertThat(checks).as("no check before the guide shows").hasValue(0);

        guide.listed("local", false);
        assertThat(guide.shownProperty().get()).isTrue();
        assertThat(guide.ytDlpNoteProperty().get()).isEqualTo("yt-dlp is not installed");
        assertThat(guide.ytDlpMissingProperty().get()).isTrue();

        guide.show("server-1", Optional.empty());
        guide.listed("server-1", false);
        assertThat(guide.shownProperty().get()).as("a deployment without help").isFalse();

        guide.show("local", Optional.of(help));
        assertThat(guide.shownProperty().get()).isTrue();
        guide.jobSeen("local");
        guide.listed("local", false);
        assertThat(guide.shownProperty().get()).as("after its first job, even if listed again").isFalse();
        assertThat(checks).as("yt-dlp checked once").hasValue(1);
    }

    @Test
    void aPoolListedWithJobsShowsNoGuide() {
        guide.show("local", Optional.of(help));
        guide.listed("local", true);
        assertThat(guide.shownProperty().get()).isFalse();
    }

    @Test
    void aSampleVideoFillsTheField() {
        AtomicReference<String> field = new AtomicReference<>("");
        guide.fillSourceWith(field::set);
        guide.show("local", Optional.of(help));
        guide.listed("local", false);

        guide.makeSampleVideo();

        assertThat(field.get()).isEqualTo(Path.of("/data/samples/people-walking.mp4").toString());
        assertThat(guide.sampleNoteProperty().get()).startsWith("Made people-walking.mp4");
        assertThat(guide.makingSampleProperty().get()).isFalse();
    }
}

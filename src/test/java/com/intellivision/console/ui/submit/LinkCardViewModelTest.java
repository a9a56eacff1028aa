package com.intellivision.console.ui.submit;

import static org.assertj.core.api.Assertions.assertThat;

import com.intellivision.console.deployment.LinkPreview;
import com.intellivision.console.job.LinkDetails;
import com.intellivision.console.job.Storyboard;
import com.intellivision.console.ui.common.TaskRunner;
import com.intellivision.console.ui.submit.LinkCardViewModel.Face;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The link card's states, with a deployment that looks links up as told and background work that runs
 * only when the test lets it, so that an answer can arrive after the text has changed.
 */
class LinkCardViewModelTest {

    private static final String LINK = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
    private static final String OTHER = "https://www.youtube.com/watch?v=aqz-KE-bpKQ";

    private final Queue<Runnable> background = new ArrayDeque<>();
    private final List<String> asked = new ArrayList<>();
    private final LinkCardViewModel card = new LinkCardViewModel(new TaskRunner(background::add, Runnable::run));

    private final LinkPreview site = link -> {
        asked.add(link);
        if (link.equals(OTHER)) {
            throw new LinkPreview.Unusable("The video is private: " + link + ". Ask its owner for access or choose another video.");
        }
        return new LinkDetails(link, "Courtyard at noon", "Courtyard Cams", 205.4, "https://i.ytimg.com/vi/x/hq.jpg",
                "1280×720 H.264, mp4 from rr1.googlevideo.com", null);
    };

    private void runBackground() {
        while (!background.isEmpty()) {
            background.poll().run();
        }
    }

    @Test
    void aLinkLookedUpShowsItsTitleChannelLengthAndStream() {
        card.lookUpWith(Optional.of(site));
        card.lookUp("  " + LINK + " ");
        assertThat(card.faceProperty().get()).isEqualTo(Face.LOOKING);

        runBackground();

        assertThat(card.faceProperty().get()).isEqualTo(Face.FOUND);
        assertThat(card.detailsProperty().get().title()).isEqualTo("Courtyard at noon");
        assertThat(card.aboutProperty().get()).isEqualTo("Courtyard Cams · 3:25");
        assertThat(asked).containsExactly(LINK);
    }

    @Test
    void aLinkThatCannotBeUsedSaysWhy() {
        card.lookUpWith(Optional.of(site));
        card.lookUp(OTHER);
        runBackground();

        assertThat(card.faceProperty().get()).isEqualTo(Face.UNUSABLE);
        assertThat(card.problemProperty().get()).startsWith("The video is private");
        assertThat(card.detailsProperty().get()).isNull();
    }

    @Test
    void anAnswerThatArrivesAfterTheTextChangedIsDropped() {
        card.lookUpWith(Optional.of(site));
        card.lookUp(LINK);
        card.textChanged();
        runBackground();

        assertThat(card.faceProperty().get()).isEqualTo(Face.NONE);
        assertThat(card.detailsProperty().get()).isNull();
    }

    @Test
    void aLinkIsLookedUpOnceHoweverOftenItIsAsked() {
        card.lookUpWith(Optional.of(site));
        card.lookUp(LINK);
        card.lookUp(LINK);
        runBackground();
        card.lookUp(LINK);
        runBackground();

        assertThat(asked).containsExactly(LINK);
    }

    @Test
    void onlyWebLinksAreLookedUpAndOnlyWhereTheDeploymentCan() {
        assertThat(card.worthLookingUp(LINK)).as("no deployment that looks links up").isFalse();
        card.lookUpWith(Optional.of(site));

        assertThat(card.worthLookingUp(LINK)).isTrue();
        assertThat(card.worthLookingUp("https://cameras.example/lobby/today")).isTrue();
        assertThat(card.worthLookingUp("/videos/street.avi")).as("a file is checked as a file").isFalse();
        assertThat(card.worthLookingUp("not a url at all")).isFalse();
        assertThat(card.worthLookingUp("")).isFalse();
        card.lookUp("not a url at all");
        assertThat(background).isEmpty();
        assertThat(card.faceProperty().get()).isEqualTo(Face.NONE);
    }

    @Test
    void aSubmitWaitsForTheLookUpOfItsLinkOnItsWay() throws Exception {
        card.lookUpWith(Optional.of(site));
        card.lookUp(LINK);
        CountDownLatch waited = new CountDownLatch(1);
        Thread submit = new Thread(() -> {
            card.awaitLookUp(LINK, Duration.ofSeconds(10));
            waited.countDown();
        });
        submit.start();

        assertThat(waited.await(200, TimeUnit.MILLISECONDS)).as("still looking the link up").isFalse();
        runBackground();
        assertThat(waited.await(5, TimeUnit.SECONDS)).as("the lookup ended").isTrue();

        long started = System.nanoTime();
        card.awaitLookUp(OTHER, Duration.ofSeconds(10));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("another link does not wait").isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aMomentPickedOnTheStoryboardShowsItsTileAndBecomesTheFormsTime() {
        Storyboard board = new Storyboard(List.of(new Storyboard.Sheet("https://i.ytimg.com/sb/0.jpg", 100),
                new Storyboard.Sheet("https://i.ytimg.com/sb/1.jpg", 100)), 5, 5, 80, 45, 0.25);
        SubmitBarViewModel form = new SubmitBarViewModel(new TaskRunner(background::add, Runnable::run));
        LinkCardViewModel card = form.linkCard();
        card.lookUpWith(Optional.of(link -> new LinkDetails(link, "Courtyard", null, 200.0, null, "a stream", board)));
        form.urlProperty().set(LINK);
        card.lookUp(LINK);
        runBackground();
        assertThat(card.scrubLengthProperty().get()).isEqualTo(200.0);

        card.choose(123.45);

        assertThat(form.timestampProperty().get()).isEqualTo("00:02:03.500");
        assertThat(card.tileProperty().get()).isEqualTo(new Storyboard.Tile("https://i.ytimg.com/sb/1.jpg", 0, 45, 80, 45));
        card.choose(900);
        assertThat(form.timestampProperty().get()).as("kept to the video").isEqualTo("00:03:20");
    }

    @Test
    void aLinkWithoutAStoryboardHasNoScrubBar() {
        card.lookUpWith(Optional.of(site));
        card.lookUp(LINK);
        runBackground();

        assertThat(card.scrubLengthProperty().get()).isZero();
        card.choose(30);
        assertThat(card.tileProperty().get()).isNull();
    }

    @Test
    void lengthsReadAsPlayersShowThem() {
        assertThat(LinkCardViewModel.lengthOf(59.6)).isEqualTo("1:00");
        assertThat(LinkCardViewModel.lengthOf(205)).isEqualTo("3:25");
        assertThat(LinkCardViewModel.lengthOf(3727)).isEqualTo("1:02:07");
    }
}

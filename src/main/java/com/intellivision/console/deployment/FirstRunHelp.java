package com.intellivision.console.deployment;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What a first run needs to get going on a pool with no jobs: a video to try, made on this machine
 * without the network, and whether YouTube links can work here. Only the local pool has it, given by
 * the program, which knows how videos are made and where yt-dlp is.
 */
public interface FirstRunHelp {

    /**
     * Writes a short sample video (people walking across a square) and returns its path. Takes
     * seconds of encoding.
     *
     * @throws java.io.UncheckedIOException if it cannot be written, saying why
     */
    Path makeSampleVideo();

    /** Empty when yt-dlp runs and is recent; otherwise what is wrong and how to get it, for people. Runs the program. */
    Optional<String> ytDlpProblem();
}

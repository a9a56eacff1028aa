package com.intellivision.console.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * yt-dlp's Python module, loaded once in a process of its own and asked one link after another over a
 * pipe, as JSON lines: starting the {@code yt-dlp} program for each link costs over a second before
 * any network time, most of it Python loading yt-dlp's extractors. The Python is the one the program
 * names in its first line; a release file (a zip application, as {@code update-yt-dlp} installs) is
 * put first on the module path, so the resolver runs the very yt-dlp the program would.
 * <p>
 * Started at the first link; started again when it died (the link is asked once more) or did not
 * answer within its time limit (the link fails); replaced after {@value #REQUESTS_PER_PROCESS} links,
 * as workers are, so that what its extractors cache does not grow without end.
 */
final class WarmResolver implements AutoCloseable {

    /** Why the module cannot be used here: the program's own Python cannot import it, or there is none. */
    static final class Unavailable extends Exception {
        Unavailable(String reason) {
            super(reason);
        }
    }

    static final int REQUESTS_PER_PROCESS = 500;
    private static final Duration START_LIMIT = Duration.ofSeconds(30);
    private static final String SCRIPT = "warm_resolver.py";
    private static final String DIED = "\u0000died";

    private final List<String> command;
    private final Duration requestLimit;
    private final ObjectMapper mapper = new ObjectMapper();
    private Process process;
    private Writer requests;
    private BlockingQueue<String> answers;
    private int asked;

    WarmResolver(List<String> interpreter, Path releaseFile, Duration requestLimit) {
        List<String> line = new ArrayList<>(interpreter);
        line.addAll(List.of("-u", "-c", script(), releaseFile == null ? "" : releaseFile.toString()));
        this.command = List.copyOf(line);
        this.requestLimit = requestLimit;
    }

    /** The resolver for the yt-dlp program {@code program}, when it is a Python script or release file. */
    static Optional<WarmResolver> forProgram(String program, Duration requestLimit) {
        return locate(program).flatMap(file -> interpreterOf(file)
                .map(interpreter -> new WarmResolver(interpreter, isZipApplication(file) ? file : null, requestLimit)));
    }

    /**
     * What {@code yt-dlp -j} would print for {@code url}: an {@code info} field with the video's
     * description, or an {@code error} field with yt-dlp's error line.
     */
    synchronized JsonNode resolve(String url, String format, Path cookies) throws MediaException, Unavailable {
        ObjectNode request = mapper.createObjectNode().put("url", url).put("format", format)
                .put("cookies", cookies == null ? null : cookies.toString());
        String line = request.toString();
        for (int attempt = 0; ; attempt++) {
            if (process == null || asked >= REQUESTS_PER_PROCESS) {
                restart();
            }
            asked++;
            String answer = ask(line, url);
            if (!DIED.equals(answer)) {
                return read(answer);
            }
            stop();
            if (attempt > 0) {
                throw new MediaException("yt-dlp stopped twice while resolving " + url + ". Try again; if it goes on, update yt-dlp.");
            }
        }
    }

    private String ask(String line, String url) throws MediaException {
        try {
            requests.write(line + "\n");
            requests.flush();
        } catch (IOException closed) {
            return DIED;
        }
        try {
            String answer = answers.poll(requestLimit.toMillis(), TimeUnit.MILLISECONDS);
            if (answer == null) {
                stop();
                throw new MediaException("yt-dlp did not answer within " + requestLimit.toSeconds() + " s for " + url
                        + ". Check the network connection and try again.");
            }
            return answer;
        } catch (InterruptedException interrupted) {
            stop();
            Thread.currentThread().interrupt();
            throw new MediaException("Resolving " + url + " was interrupted");
        }
    }

    private JsonNode read(String answer) throws MediaException {
        try {
            return mapper.readTree(answer);
        } catch (IOException unreadable) {
            throw new MediaException("yt-dlp gave an answer that could not be read. " + YtDlp.UPDATE_HINT, unreadable);
        }
    }

    private void restart() throws Unavailable {
        stop();
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException notStarted) {
            throw new Unavailable("Python could not be started (" + command.get(0) + ")");
        }
        requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        answers = new LinkedBlockingQueue<>();
        readAnswers(process.getInputStream(), answers);
        asked = 0;
        String ready;
        try {
            ready = answers.poll(START_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            ready = null;
        }
        JsonNode first = ready == null || DIED.equals(ready) ? null : readQuietly(ready);
        if (first == null || !first.has("ready")) {
            stop();
            throw new Unavailable(first != null && first.has("error") ? first.get("error").asText()
                    : "Python did not load yt_dlp within " + START_LIMIT.toSeconds() + " s");
        }
    }

    private JsonNode readQuietly(String line) {
        try {
            return mapper.readTree(line);
        } catch (IOException unreadable) {
            return null;
        }
    }

    /** Hands each line the process prints to {@code into}, then {@link #DIED} when it has ended. */
    private static void readAnswers(InputStream output, BlockingQueue<String> into) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    into.add(line);
                }
            } catch (IOException ended) {
                // The process was stopped: what it would have said is not wanted.
            } finally {
                into.add(DIED);
            }
        }, "warm-resolver-answers");
        reader.setDaemon(true);
        reader.start();
    }

    /** The process's id, while it runs. */
    synchronized Optional<Long> pid() {
        return process == null || !process.isAlive() ? Optional.empty() : Optional.of(process.pid());
    }

    private void stop() {
        if (process != null) {
            process.destroyForcibly();
            process = null;
        }
    }

    @Override
    public synchronized void close() {
        stop();
    }

    /** The program's file: {@code program} itself when it is a path, else the first match on the PATH. */
    static Optional<Path> locate(String program) {
        if (program.contains("/") || program.contains("\\")) {
            Path path = Path.of(program);
            return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
        }
        String searched = Objects.requireNonNullElse(System.getenv("PATH"), "");
        return Arrays.stream(searched.split(java.io.File.pathSeparator)).filter(folder -> !folder.isEmpty())
                .map(folder -> Path.of(folder, program)).filter(Files::isRegularFile).filter(Files::isExecutable).findFirst();
    }

    /** The Python a script names in its {@code #!} line, when it names one. */
    static Optional<List<String>> interpreterOf(Path file) {
        String first = firstLine(file);
        if (!first.startsWith("#!")) {
            return Optional.empty();
        }
        List<String> words = Arrays.stream(first.substring(2).strip().split("\\s+")).filter(word -> !word.isEmpty()).toList();
        boolean python = words.stream().map(word -> Path.of(word).getFileName().toString()).anyMatch(name -> name.startsWith("python"));
        return python ? Optional.of(words) : Optional.empty();
    }

    /** Whether the file is a zip application: a {@code #!} line, then a zip archive. */
    static boolean isZipApplication(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(512);
            int lineEnd = 0;
            while (lineEnd < head.length && head[lineEnd] != '\n') {
                lineEnd++;
            }
            return head.length >= lineEnd + 5 && head[lineEnd + 1] == 'P' && head[lineEnd + 2] == 'K' && head[lineEnd + 3] == 3 && head[lineEnd + 4] == 4;
        } catch (IOException unreadable) {
            return false;
        }
    }

    private static String firstLine(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(256), StandardCharsets.ISO_8859_1);
            int end = head.indexOf('\n');
            return end < 0 ? head : head.substring(0, end);
        } catch (IOException unreadable) {
            return "";
        }
    }

    private static String script() {
        try (InputStream in = WarmResolver.class.getResourceAsStream(SCRIPT)) {
            return new String(Objects.requireNonNull(in, SCRIPT).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}

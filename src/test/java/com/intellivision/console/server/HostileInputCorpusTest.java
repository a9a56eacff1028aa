package com.intellivision.console.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.job.FrameParams;
import com.intellivision.console.job.Job;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.Timecode;
import com.intellivision.console.pool.LocalEngine;
import com.intellivision.console.pool.PoolConfig;
import com.intellivision.console.testsupport.LoopbackHttpServer;
import com.intellivision.console.testsupport.SampleVideos;
import com.intellivision.console.testsupport.ServeProcess;
import com.intellivision.console.testsupport.TestVideos;
import io.javalin.Javalin;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and broken inputs, each tried for real where people would send it: over HTTP to a
 * {@code serve} in its own process (started as by default, public links only), as jobs of a local pool
 * with a real worker process, or through the link guard with its redirects followed on the loopback.
 * Each must end with a message that names the problem and what to do, with no Java in it, within its
 * bound. The cases are the README's table "What bad input gets", which {@link #theReadmeTableIsTheseCases} checks.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputCorpusTest {

    private static final Duration JOB_BOUND = Duration.ofSeconds(90);
    private static final MediaType JSON = MediaType.get("application/json");
    /** 127.0.0.2 plays a public host; the guard's stub names lead only to it, to 127.0.0.1 or to literals never connected to. */
    private static final String PUBLIC_IP = "127.0.0.2";
    private static final AddressPolicy TEST_POLICY = address -> address.getHostAddress().equals(PUBLIC_IP)
            ? Optional.empty() : AddressPolicy.PUBLIC_ONLY.whyRefused(address);

    @TempDir
    static Path temp;

    static ServeProcess serve;
    static LocalEngine pool;
    static LoopbackHttpServer media;
    static Javalin redirects;
    static RedirectProbe guard;
    static final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(60)).build();
    static final Map<String, String> seen = new ConcurrentHashMap<>();

    /** One bad input: what it is (the README's words), how it is tried, and the words its answer must have. */
    record Case(String input, Attempt attempt, String expected) {
        @Override
        public String toString() {
            return input;
        }
    }

    /** Tries the input and returns what the person is shown. */
    interface Attempt {
        String run() throws Exception;
    }

    static Stream<Case> cases() {
        String youtube = "https://www.youtube.com/watch?v=";
        List<Case> cases = new ArrayList<>(List.of(
                // Links refused by serve before anything is fetched.
                new Case("Not a URL (`htp//not a url`)", () -> frameLink("htp//not a url"), "is not a valid URL"),
                new Case("A space in the host", () -> frameLink("http://exa mple.com/v.mp4"), "is not a valid URL"),
                new Case("A 10,000-character URL", () -> frameLink("http://127.0.0.1/watch?v=" + "a".repeat(10_000)), "takes links of up to 4096"),
                new Case("`file:///etc/passwd`", () -> frameLink("file:///etc/passwd"), "uses the file: scheme"),
                new Case("`ftp:` link", () -> frameLink("ftp://127.0.0.1/clip.mp4"), "uses the ftp: scheme"),
                new Case("`javascript:` link", () -> frameLink("javascript:alert(document.cookie)"), "uses the javascript: scheme"),
                new Case("`data:` link", () -> frameLink("data:video/mp4;base64,AAAAIGZ0eXBpc29t"), "uses the data: scheme"),
                new Case("A path on the server (`/etc/passwd`)", () -> frameLink("/etc/passwd"), "is not a full URL"),
                new Case("A NUL character in the link", () -> frameLink("http://127.0.0.1/a\u0000b.mp4"), "\\u0000"),
                new Case("A line break and a header in the link", () -> frameLink("http://127.0.0.1/a.mp4\r\nX-Injected: 1"), "is not a valid URL"),
                new Case("No host (`https:///clip.mp4`)", () -> frameLink("https:///clip.mp4"), "has no host"),
                new Case("Port 99999", () -> frameLink("http://127.0.0.1:99999/clip.mp4"), "is not a port number"),
                new Case("The serve itself (`http://127.0.0.1:<port>/`)", () -> frameLink(serve.url() + "/health/"), "a loopback address"),
                new Case("Loopback written `0x7f.1`", () -> frameLink("http://0x7f.1/clip.mp4"), "a loopback address"),
                new Case("Loopback as one number (`2130706433`)", () -> frameLink("http://2130706433/clip.mp4"), "a loopback address"),
                new Case("IPv6 loopback `[::1]`", () -> frameLink("http://[::1]/clip.mp4"), "a loopback address"),
                new Case("A people count of a loopback link", () -> submit("/api/people-count/", "{\"youtube_url\":\"http://127.0.0.1/v.mp4\"}"), "--allow-private-urls"),
                // Bodies.
                new Case("No `youtube_url`", () -> submit("/api/get-youtube-frame/", "{}"), "youtube_url is required"),
                new Case("`youtube_url` a number", () -> submit("/api/get-youtube-frame/", "{\"youtube_url\": 42}"), "youtube_url must be a link"),
                new Case("`youtube_url` a list", () -> submit("/api/get-youtube-frame/", "{\"youtube_url\": [\"" + youtube + "x\"]}"), "youtube_url must be a link"),
                new Case("Broken JSON", () -> submit("/api/get-youtube-frame/", "{\"youtube_url\": "), "JSON parse error - line 1"),
                new Case("A form instead of JSON", () -> submitForm("youtube_url=" + youtube + "x"), "JSON parse error"),
                new Case("Bytes that are not UTF-8", () -> submitBytes(concat("{\"youtube_url\":\"http://127.0.0.1/".getBytes(StandardCharsets.US_ASCII),
                        new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3}, "\"}".getBytes(StandardCharsets.US_ASCII))), "not UTF-8"),
                new Case("JSON nested 20,000 deep", () -> submit("/api/get-youtube-frame/", "[".repeat(20_000) + "]".repeat(20_000)), "nested deeper than"),
                new Case("A 50 MB JSON body", () -> submit("/api/get-youtube-frame/", "{\"youtube_url\":\"" + "x".repeat(50 * 1024 * 1024) + "\"}"),
                        "other bodies up to 64 KiB"),
                new Case("A 50 MB JSON body sent in chunks, without a length", HostileInputCorpusTest::chunkedFiftyMegabytes, "other bodies up to 64 KiB"),
                new Case("An upload of a text file named `clip.mp4`", () -> upload("clip.mp4", "this is not a video\n".repeat(100).getBytes(StandardCharsets.UTF_8)),
                        "The uploaded file is not a video that can be read"),
                new Case("An empty upload", () -> upload("empty.mp4", new byte[0]), "The uploaded file is empty"),
                new Case("A form with neither a file nor a link", () -> uploadNothing(), "Either youtube_url or video file is required"),
                // Redirects, followed by the guard on the loopback only.
                new Case("A redirect loop", () -> probe("http://videos.test:" + redirects.port() + "/loop"), "redirects more than 5 times"),
                new Case("A redirect to the cloud metadata address", () -> probe("http://videos.test:" + redirects.port() + "/to-metadata"), "169.254.169.254"),
                new Case("A redirect to a private network (10.0.0.8)", () -> probe("http://videos.test:" + redirects.port() + "/to-private"), "a private network address"),
                new Case("A redirect to a name that resolves to loopback", () -> probe("http://videos.test:" + redirects.port() + "/to-internal"), "a loopback address"),
                new Case("A redirect to `file:`", () -> probe("http://videos.test:" + redirects.port() + "/to-file"), "this server follows only http and https"),
                new Case("A host that does not exist", () -> probe("http://no-such-host.test/clip.mp4"), "could not be found"),
                // Jobs of the local pool, run by its worker process.
                new Case("A web page instead of a video", () -> frameJob(media.url(LoopbackHttpServer.WEB_PAGE), 1.0), "leads to a web page"),
                new Case("A PNG image", () -> frameJob(media.url("/photo.png"), 1.0), "is a still image (PNG), not a video"),
                new Case("A zero-byte file", () -> frameJob(media.url("/empty.mp4"), 1.0), "is empty"),
                new Case("A truncated MP4", () -> frameJob(media.url("/truncated.mp4"), 1.0), "is incomplete"),
                new Case("Sound and no picture", () -> frameJob(media.url("/audio-only.mp4"), 1.0), "no video"),
                new Case("A 404 link", () -> frameJob(media.url("/missing.mp4"), 1.0), "404 Not Found"),
                new Case("A local file that is not there", () -> frameJob(temp.resolve("nowhere.mp4").toString(), 1.0), "does not exist"),
                new Case("A 6-hour video, frame at 7 h", () -> frameJob(media.url("/six-hours.mkv"), 7 * 3600.0), "is past the end of the video, which is 06:00:00 long"),
                new Case("A time past the end (60 s of a 10 s video)", () -> frameJob(media.url("/clip.mp4"), 60.0), "is past the end"),
                new Case("A negative time", () -> frameJob(media.url("/clip.mp4"), -5.0), "must be zero or more seconds"),
                new Case("Time not a number (NaN)", () -> frameJob(media.url("/clip.mp4"), Double.NaN), "must be zero or more seconds"),
                new Case("Time typed as `abc`", () -> refusal(() -> Timecode.parseSeconds("abc")), "is not a timestamp"),
                new Case("Time typed as `1:75:00`", () -> refusal(() -> Timecode.parseSeconds("1:75:00")), "is not a timestamp"),
                new Case("A width of 100,000 pixels asked", () -> refusal(() -> FrameParams.filmstrip(2, "jpg", 100_000)), "the width must be 16 to 7680 pixels"),
                new Case("A filmstrip of 10,000 frames asked", () -> refusal(() -> FrameParams.filmstrip(10_000, "jpg", 160)), "a filmstrip has 1 to 100 frames")));
        return cases.stream();
    }

    @BeforeAll
    static void start() throws Exception {
        Path videos = Files.createDirectories(temp.resolve("videos"));
        Path clip = TestVideos.writeFrameCodedVideo(videos.resolve("clip.mp4"), 10, 25, 320, 180);
        byte[] whole = Files.readAllBytes(clip);
        Files.write(videos.resolve("truncated.mp4"), Arrays.copyOf(whole, whole.length * 2 / 5));
        Files.write(videos.resolve("empty.mp4"), new byte[0]);
        ImageIO.write(new BufferedImage(320, 180, BufferedImage.TYPE_3BYTE_BGR), "png", videos.resolve("photo.png").toFile());
        SampleVideos.audioOnly(videos.resolve("audio-only.mp4"));
        TestVideos.writeSparseVideo(videos.resolve("six-hours.mkv"), 6 * 3600, 10, 64, 48);
        media = LoopbackHttpServer.serving(videos);
        pool = LocalEngine.start(PoolConfig.defaults(temp.resolve("pool")).withWorkerCount(1));
        serve = ServeProcess.start(temp.resolve("serve"));
        redirects = Javalin.create(config -> config.showJavalinBanner = false);
        redirect("/loop", "/loop");
        redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/");
        redirect("/to-private", "http://10.0.0.8/clip.mp4");
        // A closed loopback port: were the guard to let it through, nothing would answer.
        redirect("/to-internal", "http://internal.test:9/clip.mp4");
        redirect("/to-file", "file:///etc/passwd");
        redirects.start(PUBLIC_IP, 0);
        StubResolver names = new StubResolver().answer("videos.test", PUBLIC_IP).answer("internal.test", "127.0.0.1");
        guard = new RedirectProbe(new SubmittedUrls(names, TEST_POLICY));
    }

    @AfterAll
    static void stop() throws Exception {
        serve.close();
        pool.close();
        media.close();
        redirects.stop();
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachBadInputIsAnsweredWithWhatHappenedAndWhatToDo(Case bad) throws Exception {
        String shown = bad.attempt().run();
        seen.put(bad.input(), shown);
        assertThat(shown).as(bad.input()).contains(bad.expected()).doesNotContain("Exception").doesNotContain("at com.")
                .doesNotContain("at java.").doesNotContain(temp.resolve("serve").toString()).hasSizeLessThan(1200);
        assertThat(shown.chars().filter(c -> c < 0x20).count()).as("control characters shown to a person").isZero();
    }

    @Order(2)
    @Test
    void afterAllOfThemTheServeAndThePoolStillWorkWithinTheirMemory() throws Exception {
        try (Response health = http.newCall(new Request.Builder().url(serve.url() + "/health/").build()).execute()) {
            assertThat(health.code()).isEqualTo(200);
        }
        Job good = pool.awaitTerminal(pool.submit(JobRequest.frame(media.url("/six-hours.mkv"), FrameParams.at(5 * 3600.0 + 59 * 60))).id(), JOB_BOUND);
        assertThat(good.status()).as(good.error()).isEqualTo(JobStatus.COMPLETED);
        long peakKib = peakResidentKib(serve.handle().pid());
        System.out.println("serve's peak resident memory over the corpus: " + peakKib / 1024 + " MiB");
        assertThat(peakKib).as("the serve's peak resident memory, KiB (its heap is capped at 256 MiB)").isLessThan(640 * 1024);
    }

    @Order(3)
    @Test
    void theReadmeTableIsTheseCases() throws Exception {
        List<Case> all = cases().toList();
        // The table as this run saw it, to paste into the README when a case or a message changes.
        StringBuilder generated = new StringBuilder("| Input | What the person sees |\n|---|---|\n");
        all.forEach(bad -> generated.append("| ").append(bad.input()).append(" | ")
                .append(seen.getOrDefault(bad.input(), "(not run)").replace("|", "\\|")).append(" |\n"));
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("what-bad-input-gets.md"), generated);
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains("## What bad input gets");
        String table = readme.substring(readme.indexOf("## What bad input gets"));
        assertThat(all).hasSizeGreaterThanOrEqualTo(40);
        for (Case bad : all) {
            Optional<String> row = table.lines().filter(line -> line.startsWith("| " + bad.input() + " |")).findFirst();
            assertThat(row).as("README row for " + bad.input()).isPresent();
            assertThat(row.get()).as(bad.input()).contains(bad.expected().replace("|", "\\|"));
        }
    }

    // How each kind of input is tried.

    /** The probe asks with HEAD first, and with GET where HEAD is refused. */
    private static void redirect(String from, String to) {
        redirects.get(from, ctx -> ctx.redirect(to));
        redirects.head(from, ctx -> ctx.redirect(to));
    }

    private static String frameLink(String link) throws Exception {
        return submit("/api/get-youtube-frame/", JobJson.mapper().createObjectNode().put("youtube_url", link).toString());
    }

    private static String submit(String path, String json) throws Exception {
        return answer(serveRequest(path).post(RequestBody.create(json, JSON)));
    }

    private static String submitBytes(byte[] body) throws Exception {
        return answer(serveRequest("/api/get-youtube-frame/").post(RequestBody.create(body, JSON)));
    }

    private static String submitForm(String form) throws Exception {
        return answer(serveRequest("/api/get-youtube-frame/").post(RequestBody.create(form, MediaType.get("application/x-www-form-urlencoded"))));
    }

    private static String chunkedFiftyMegabytes() throws Exception {
        RequestBody unsized = new RequestBody() {
            @Override
            public MediaType contentType() {
                return JSON;
            }

            @Override
            public void writeTo(okio.BufferedSink sink) throws java.io.IOException {
                sink.writeUtf8("{\"youtube_url\":\"");
                byte[] block = "x".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < 50; i++) {
                    sink.write(block);
                }
                sink.writeUtf8("\"}");
            }
        };
        try {
            return answer(serveRequest("/api/get-youtube-frame/").post(unsized));
        } catch (java.io.IOException cutOff) {
            // The server may answer and close before the client has sent it all; ask again what it said.
            return answer(serveRequest("/api/get-youtube-frame/").post(unsized));
        }
    }

    private static String upload(String name, byte[] content) throws Exception {
        RequestBody form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("video", name, RequestBody.create(content, MediaType.get("video/mp4"))).build();
        String accepted = answer(serveRequest("/api/people-count/").post(form));
        JsonNode answer = JobJson.mapper().readTree(accepted.substring(accepted.indexOf(' ') + 1));
        if (!answer.path("data").has("id")) {
            return accepted;
        }
        long id = answer.path("data").path("id").asLong();
        long giveUp = System.nanoTime() + JOB_BOUND.toNanos();
        while (System.nanoTime() < giveUp) {
            try (Response job = http.newCall(serveRequest("/api/jobs/" + id + "/").build()).execute()) {
                JsonNode polled = JobJson.mapper().readTree(job.body().string());
                if (polled.path("status").asText().equals("failed") || polled.path("status").asText().equals("completed")) {
                    return polled.path("status").asText() + ": " + polled.path("results").path("error").asText();
                }
            }
            Thread.sleep(200);
        }
        return "still running after " + JOB_BOUND;
    }

    private static String uploadNothing() throws Exception {
        RequestBody form = new MultipartBody.Builder().setType(MultipartBody.FORM).addFormDataPart("note", "nothing here").build();
        return answer(serveRequest("/api/people-count/").post(form));
    }

    private static String probe(String link) {
        try {
            return "accepted: " + guard.finalUrl(link);
        } catch (RefusedUrlException refused) {
            return "refused: " + refused.getMessage();
        }
    }

    private static String frameJob(String source, double at) throws Exception {
        Job job;
        try {
            job = pool.awaitTerminal(pool.submit(JobRequest.frame(source, FrameParams.at(at))).id(), JOB_BOUND);
        } catch (IllegalArgumentException refused) {
            return "refused: " + refused.getMessage();
        }
        return job.status().name().toLowerCase() + ": " + job.error();
    }

    private static String refusal(Runnable attempt) {
        try {
            attempt.run();
            return "accepted";
        } catch (IllegalArgumentException refused) {
            return "refused: " + refused.getMessage();
        }
    }

    /** The status and what the body says for people: the envelope's error message, or DRF's detail. */
    private static String answer(Request.Builder request) throws Exception {
        try (Response response = http.newCall(request.build()).execute()) {
            String body = response.body().string();
            JsonNode json;
            try {
                json = JobJson.mapper().readTree(body);
            } catch (Exception notJson) {
                return response.code() + " " + body;
            }
            String message = json.path("error").path("message").asText(json.path("detail").asText(body));
            return response.code() + " " + (message.isEmpty() ? body : message);
        }
    }

    private static Request.Builder serveRequest(String path) throws Exception {
        return new Request.Builder().url(serve.url() + path).header("Authorization", "Bearer " + serve.token());
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(part -> part.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static long peakResidentKib(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(line -> line.startsWith("VmHWM:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElseThrow();
    }
}

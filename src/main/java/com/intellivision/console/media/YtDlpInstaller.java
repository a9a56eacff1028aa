package com.intellivision.console.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Fetches the newest yt-dlp release into the console's own folder, checked against the release's
 * published SHA-256 sums, for machines whose packaged yt-dlp is too old for YouTube.
 */
public final class YtDlpInstaller {

    /** Where yt-dlp publishes its newest release: each asset and a {@code SHA2-256SUMS} file. */
    public static final URI LATEST_RELEASE = URI.create("https://github.com/yt-dlp/yt-dlp/releases/latest/download/");
    static final String SUMS = "SHA2-256SUMS";

    private final URI release;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(20))
            .build();

    public YtDlpInstaller(URI release) {
        this.release = release.toString().endsWith("/") ? release : URI.create(release + "/");
    }

    /** The program's file name in a folder of binaries, for this operating system. */
    public static String programName() {
        return isWindows() ? "yt-dlp.exe" : "yt-dlp";
    }

    /** Downloads, verifies and installs the release's build for this machine as {@code binDir/yt-dlp}. */
    public Path install(Path binDir) throws MediaException {
        String asset = assetFor(System.getProperty("os.name"), System.getProperty("os.arch"));
        String expected = expectedSum(asset);
        try {
            Files.createDirectories(binDir);
            Path partial = Files.createTempFile(binDir, "yt-dlp", ".part");
            try {
                String actual = download(asset, partial);
                if (!actual.equalsIgnoreCase(expected)) {
                    throw new MediaException("The downloaded " + asset + " does not match its published checksum (expected "
                            + expected + ", got " + actual + "); it was not installed. Try again later.");
                }
                partial.toFile().setExecutable(true);
                Path installed = binDir.resolve(programName());
                Files.move(partial, installed, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return installed;
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException failed) {
            throw new MediaException("yt-dlp could not be installed in " + binDir + ": " + failed.getMessage()
                    + ". Check the disk space and permissions.", failed);
        }
    }

    /** The release asset that runs here without Python installed. */
    static String assetFor(String osName, String arch) {
        String os = osName.toLowerCase(Locale.ROOT);
        boolean arm = arch.toLowerCase(Locale.ROOT).contains("aarch64") || arch.toLowerCase(Locale.ROOT).contains("arm64");
        if (os.contains("win")) {
            return "yt-dlp.exe";
        }
        if (os.contains("mac")) {
            return "yt-dlp_macos";
        }
        return arm ? "yt-dlp_linux_aarch64" : "yt-dlp_linux";
    }

    private String expectedSum(String asset) throws MediaException {
        String sums = new String(get(SUMS, HttpResponse.BodyHandlers.ofByteArray()), StandardCharsets.UTF_8);
        return findSum(sums, asset).orElseThrow(() -> new MediaException(
                "The release at " + release + " lists no checksum for " + asset + ", so it was not installed."));
    }

    /** Reads {@code sha256sum} output: a hex digest, white space, then the file name. */
    static Optional<String> findSum(String sums, String asset) {
        for (String line : sums.split("\\R")) {
            String[] parts = line.strip().split("\\s+\\*?", 2);
            if (parts.length == 2 && parts[1].equals(asset) && parts[0].matches("[0-9a-fA-F]{64}")) {
                return Optional.of(parts[0]);
            }
        }
        return Optional.empty();
    }

    /** Streams the asset to the file and returns its SHA-256, without holding it in memory. */
    private String download(String asset, Path target) throws MediaException, IOException {
        MessageDigest sha256 = sha256();
        try (InputStream body = get(asset, HttpResponse.BodyHandlers.ofInputStream());
                OutputStream out = new DigestOutputStream(Files.newOutputStream(target), sha256)) {
            body.transferTo(out);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private <T> T get(String name, HttpResponse.BodyHandler<T> handler) throws MediaException {
        URI uri = release.resolve(name);
        try {
            HttpResponse<T> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build(), handler);
            if (response.statusCode() != 200) {
                throw new MediaException("The yt-dlp release server answered HTTP " + response.statusCode() + " for " + uri
                        + ". Check the address or try again later.");
            }
            return response.body();
        } catch (IOException unreachable) {
            throw new MediaException("The yt-dlp release could not be fetched from " + uri + ": " + unreachable.getMessage()
                    + ". Check the network connection.", unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new MediaException("Fetching yt-dlp was interrupted");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    }
}

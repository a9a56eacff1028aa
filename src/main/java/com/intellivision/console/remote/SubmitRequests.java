package com.intellivision.console.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.job.JobRequest;
import com.intellivision.console.job.JobType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The {@code POST} that submits a job to an IntelliVision server: a link goes as JSON
 * ({@code {"youtube_url": ...}}), a local file as a multipart upload in the part {@code video}, or
 * {@code image} for a picture. The server reads {@code emergency_lines} and {@code lobby_zones} with
 * {@code json.loads}, so they go as JSON-encoded strings.
 */
final class SubmitRequests {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final List<String> JSON_STRING_PARAMS = List.of("emergency_lines", "lobby_zones");
    private static final List<String> NUMBER_PARAMS = List.of("video_width", "video_height");
    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png",
            "mp4", "video/mp4", "mov", "video/quicktime", "mkv", "video/x-matroska", "webm", "video/webm", "avi", "video/x-msvideo");

    private final HttpUrl base;

    SubmitRequests(HttpUrl base) {
        this.base = base;
    }

    /** @throws IllegalArgumentException for a request the server cannot take, before anything is sent */
    Request build(JobRequest request) {
        Optional<Path> file = localFile(request.url());
        if (file.isPresent() && request.type() == JobType.YOUTUBE_FRAME_EXTRACTION) {
            throw new IllegalArgumentException("The server extracts frames from links only, not from a file like "
                    + file.get().getFileName() + ". Give a link to the video, or extract the frame on the local pool.");
        }
        if (file.isEmpty() && request.type() == JobType.FOOD_WASTE_ESTIMATION) {
            throw new IllegalArgumentException("The server estimates food waste only from an uploaded image or video, not from a link. "
                    + "Choose a file on this computer instead of " + request.url() + ".");
        }
        boolean image = file.map(SubmitRequests::isImage).orElse(false);
        Request.Builder post = new Request.Builder().url(base.resolve(endpoint(request.type(), image))).header("Accept", "application/json");
        return post.post(file.isPresent() ? upload(file.get(), image, request.params()) : linkBody(request)).build();
    }

    /** The endpoint of each type, with its trailing slash (without it Django fails a POST with an HTML page). */
    static String endpoint(JobType type, boolean imageFile) {
        return switch (type) {
            case YOUTUBE_FRAME_EXTRACTION -> "api/get-youtube-frame/";
            case PEOPLE_COUNT -> "api/people-count/";
            case CAR_COUNT -> "api/car-count/";
            case EMERGENCY_COUNT -> "api/emergency-count/";
            case LOBBY_DETECTION -> "api/lobby-detection/";
            case PARKING_ANALYSIS -> "api/parking-analysis/";
            case POTHOLE_DETECTION -> imageFile ? "api/pothole-detection/image/" : "api/pothole-detection/video/";
            case FOOD_WASTE_ESTIMATION -> "api/food-waste-estimation/";
            case ROOM_READINESS -> "api/room-readiness/";
            case WILDLIFE_DETECTION -> imageFile ? "api/wildlife-detection/image/" : "api/wildlife-detection/video/";
        };
    }

    /** The file {@code url} names (an absolute path or a {@code file:} URI), or empty for a link. */
    static Optional<Path> localFile(String url) {
        Path path;
        try {
            if (url.regionMatches(true, 0, "file:", 0, 5)) {
                path = Path.of(URI.create(url));
            } else if (url.contains("://")) {
                return Optional.empty();
            } else {
                path = Path.of(url);
                // A relative path is a file only if there is one; otherwise it is something the server may resolve.
                if (!path.isAbsolute() && !Files.isRegularFile(path)) {
                    return Optional.empty();
                }
            }
        } catch (IllegalArgumentException notAPath) {
            throw new IllegalArgumentException("'" + url + "' is neither a link nor the path of a file on this computer.", notAPath);
        }
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("There is no file at " + path + "; choose an existing video or image.");
        }
        return Optional.of(path);
    }

    private static boolean isImage(Path file) {
        return MEDIA_TYPES.getOrDefault(extensionOf(file), "").startsWith("image/");
    }

    private static String extensionOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static RequestBody linkBody(JobRequest request) {
        ObjectNode body = JobJson.mapper().createObjectNode().put("youtube_url", request.url());
        for (String name : JSON_STRING_PARAMS) {
            param(request.params(), name).ifPresent(value -> body.put(name, jsonString(value)));
        }
        for (String name : NUMBER_PARAMS) {
            param(request.params(), name).ifPresent(value -> body.set(name, value));
        }
        return RequestBody.create(body.toString(), JSON);
    }

    private static RequestBody upload(Path file, boolean image, ObjectNode params) {
        MediaType type = MediaType.get(MEDIA_TYPES.getOrDefault(extensionOf(file), "application/octet-stream"));
        MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart(image ? "image" : "video", file.getFileName().toString(), RequestBody.create(file.toFile(), type));
        for (String name : JSON_STRING_PARAMS) {
            param(params, name).ifPresent(value -> form.addFormDataPart(name, jsonString(value)));
        }
        for (String name : NUMBER_PARAMS) {
            param(params, name).ifPresent(value -> form.addFormDataPart(name, value.asText()));
        }
        return form.build();
    }

    private static Optional<JsonNode> param(ObjectNode params, String name) {
        JsonNode value = params.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    /** A value already given as a string is sent as it is, not encoded twice. */
    private static String jsonString(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }
}

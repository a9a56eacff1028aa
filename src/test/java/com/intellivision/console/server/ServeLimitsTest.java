package com.intellivision.console.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.intellivision.console.deployment.LocalDeployment;
import com.intellivision.console.job.JobJson;
import com.intellivision.console.pool.PoolConfig;
import java.nio.file.Path;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upload limit, on a server started in this JVM with a small one. */
class ServeLimitsTest {

    private static final long ONE_MIB = 1024 * 1024;

    @TempDir
    Path temp;

    private LocalDeployment pool;
    private ApiServer server;

    @BeforeEach
    void start() {
        PoolConfig config = PoolConfig.defaults(temp.resolve("pool")).withWorkerCount(1);
        pool = LocalDeployment.start(config);
        ServeOptions options = new ServeOptions(ServeOptions.LOOPBACK, 0, true, ServeOptions.DEFAULT_MAX_JSON_BYTES, ONE_MIB,
                ServeOptions.DEFAULT_MAX_REQUESTS_PER_CLIENT);
        server = ApiServer.start(pool, temp.resolve("pool"), config.framesDir(), AccessToken.of("limits-token"), options);
    }

    @AfterEach
    void stop() {
        server.close();
        pool.close();
    }

    @Test
    void anUploadOverTheLimitIsRefusedAsTooLargeAndMakesNoJob() throws Exception {
        RequestBody form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("video", "big.mp4", RequestBody.create(new byte[(int) (2 * ONE_MIB)], MediaType.get("video/mp4"))).build();
        Request request = new Request.Builder().url("http://127.0.0.1:" + server.port() + "/api/people-count/")
                .header("Authorization", "Bearer limits-token").post(form).build();

        try (Response response = new OkHttpClient().newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(413);
            JsonNode error = JobJson.mapper().readTree(response.body().string()).path("error");
            assertThat(error.path("code").asText()).isEqualTo("FILE_TOO_LARGE");
            assertThat(error.path("message").asText()).contains("1 MiB");
        }
        assertThat(pool.recentJobs(10)).isEmpty();
    }
}

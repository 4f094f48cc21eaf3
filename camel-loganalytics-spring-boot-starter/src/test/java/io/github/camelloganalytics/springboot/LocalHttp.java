package io.github.camelloganalytics.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * GET on the application's own HTTP port with the JDK's client: the same on Spring Boot 3 and 4 (Boot 4 moved
 * {@code TestRestTemplate} to a module and an annotation of its own).
 */
final class LocalHttp {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    private final int port;

    LocalHttp(int port) {
        this.port = port;
    }

    /**
     * @param  path the path on the application, e.g. {@code /actuator/health}
     * @return      the answer, whatever its status
     */
    HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofMinutes(1)).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

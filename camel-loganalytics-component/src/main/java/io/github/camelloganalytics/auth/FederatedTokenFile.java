package io.github.camelloganalytics.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The client assertion of a workload identity, read from the file Kubernetes projects into the pod. The kubelet
 * rewrites the file before the assertion expires (about hourly), so the file is read afresh every time MSAL4J asks,
 * which is only when a new token is needed (the component caches tokens): a rotated assertion is always the one
 * sent, and a file cached by modification time could miss a rewrite within the clock's granularity.
 */
final class FederatedTokenFile implements Callable<String> {

    private final Path path;

    FederatedTokenFile(String path) {
        this.path = Path.of(path);
    }

    @Override
    public String call() {
        try {
            return Files.readString(path, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("federatedTokenFile '" + path + "' cannot be read", e);
        }
    }
}

package io.github.camelloganalytics;

import java.time.Instant;

/**
 * What a consumer's health check reports: the step that failed last and why (null while all is well), since when,
 * the last success and the watermark last read or stored.
 *
 * @param failedStep   {@code "Query"}, {@code "Reading the watermark"} or {@code "Storing the watermark"}, or null
 * @param failure      the failure, or null
 * @param failedSince  when the failures began, or null
 * @param lastSuccess  when a poll last succeeded (incremental: committed or found nothing to ask), or null
 * @param watermark    the watermark last read or stored, or null
 */
record ConsumerStatus(String failedStep, Throwable failure, Instant failedSince, Instant lastSuccess,
                      Instant watermark) {

    static final ConsumerStatus STARTING = new ConsumerStatus(null, null, null, null, null);

    ConsumerStatus failed(String step, Throwable cause, Instant at) {
        return new ConsumerStatus(step, cause, failedSince != null ? failedSince : at, lastSuccess, watermark);
    }

    ConsumerStatus succeeded(Instant at, Instant newWatermark) {
        return new ConsumerStatus(null, null, null, at, newWatermark != null ? newWatermark : watermark);
    }

    ConsumerStatus read(Instant readWatermark) {
        return new ConsumerStatus(failedStep, failure, failedSince, lastSuccess, readWatermark);
    }
}

package io.github.camelloganalytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Queue;

import io.github.camelloganalytics.client.QueryRequest;
import io.github.camelloganalytics.client.QueryResponse;
import io.github.camelloganalytics.error.ErrorCatalog;
import io.github.camelloganalytics.error.LogAnalyticsException;
import io.github.camelloganalytics.error.PartialResultException;
import io.github.camelloganalytics.result.QueryResult;
import io.github.camelloganalytics.result.ResultReader;
import org.apache.camel.DelegateEndpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a workspace with the endpoint's query. Each poll delivers the result as one exchange, or with
 * {@code splitRows} one exchange per row, streamed. With {@code incremental} each poll asks for the next time
 * windows since the watermark kept in the {@code stateRepository}, splits a window whose result the service cut
 * at its limits, and advances the watermark only when every exchange of a window completed.
 */
public class LogAnalyticsConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(LogAnalyticsConsumer.class);
    private static final ResultReader READER = new ResultReader();

    /** Below this a window is not split further: a second's records over the service's limits cannot be exported. */
    static final Duration SPLIT_FLOOR = Duration.ofSeconds(1);

    private final LogAnalyticsConfiguration config;
    private final LogAnalyticsProducer producer;
    private final Clock clock;
    private StateRepository<String, String> repository;
    private boolean ownRepository;
    private StartFrom startFrom;
    private WindowCommit lastWindow;
    private Instant retryNotBefore;

    /**
     * @param endpoint  the endpoint whose options and client the consumer uses
     * @param processor the route
     */
    public LogAnalyticsConsumer(LogAnalyticsEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.config = endpoint.getConfiguration();
        this.producer = new LogAnalyticsProducer(endpoint);
        this.clock = endpoint.clock();
    }

    @Override
    public LogAnalyticsEndpoint getEndpoint() {
        return (LogAnalyticsEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        repository = config.getStateRepository();
        ownRepository = repository == null;
        if (ownRepository) {
            repository = new MemoryStateRepository();
        }
        ServiceHelper.startService(repository);
        startFrom = config.getStartFrom() != null
                ? StartFrom.parse(config.getStartFrom()) : StartFrom.defaultFor(config.getTimespan());
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (ownRepository) {
            ServiceHelper.stopService(repository);
        }
    }

    /**
     * The key of this consumer's watermark: its route and its endpoint without options, so that changing an option
     * such as {@code delay} keeps the watermark.
     */
    String watermarkKey() {
        String endpoint = URISupport.sanitizeUri(getEndpoint().getEndpointBaseUri());
        String routeId = routeId();
        return routeId != null ? routeId + "|" + endpoint : endpoint;
    }

    /**
     * This consumer's route. A consumer that a wrapping endpoint starts on demand ({@code master:}) is not told its
     * route, so it is found as the one route whose endpoint delegates to this one.
     */
    private String routeId() {
        // asked at every poll: cheap next to a query, and right even if routes are added later
        if (getRouteId() != null) {
            return getRouteId();
        }
        List<Route> wrapping = getEndpoint().getCamelContext().getRoutes().stream()
                .filter(route -> route.getEndpoint() instanceof DelegateEndpoint delegate
                                 && delegate.getEndpoint() == getEndpoint())
                .toList();
        return wrapping.size() == 1 ? wrapping.get(0).getRouteId() : null;
    }

    @Override
    protected int poll() throws Exception {
        if (retryNotBefore != null && clock.instant().isBefore(retryNotBefore)) {
            return 0;
        }
        if (lastWindow != null && !lastWindow.isSettled()) {
            // the previous window's exchanges are still on their way: asking again now would only duplicate them
            return 0;
        }
        retryNotBefore = null;
        try {
            return config.isIncremental() ? pollWindows() : deliver(null, null);
        } catch (LogAnalyticsException e) {
            if (config.isHonorRetryAfter() && e.isRetryable() && e.getRetryAfter() != null) {
                retryNotBefore = clock.instant().plus(e.getRetryAfter());
            }
            throw e;
        }
    }

    private int pollWindows() throws Exception {
        int delivered = 0;
        while (isRunAllowed()) {
            Instant now = clock.instant();
            Instant limit = now.minus(config.getIngestionDelay()).truncatedTo(ChronoUnit.SECONDS);
            // read at every poll, never cached: another node may have committed since
            String stored = repository.getState(watermarkKey());
            Instant start = stored != null
                    ? Instant.parse(stored) : startFrom.resolve(now).truncatedTo(ChronoUnit.SECONDS);
            if (!start.isBefore(limit)) {
                break;
            }
            Instant end = start.plus(config.getMaxWindow());
            TimeWindow window = new TimeWindow(start, end.isBefore(limit) ? end : limit);
            WindowOutcome outcome = deliverWindow(window);
            delivered += outcome.delivered();
            if (!outcome.committed()) {
                break;
            }
        }
        return delivered;
    }

    private WindowOutcome deliverWindow(TimeWindow window) throws Exception {
        WindowCommit commit = new WindowCommit(repository, watermarkKey(), window.end());
        lastWindow = commit;
        try {
            int delivered = deliver(window, commit);
            return new WindowOutcome(delivered, commit.isCommitted());
        } catch (PartialResultException e) {
            if (!e.isResultTooLarge()) {
                throw e;
            }
            if (window.length().compareTo(SPLIT_FLOOR.multipliedBy(2)) < 0) {
                LOG.error("The result of window {} is over the service's limits and the window cannot be split below"
                          + " {}: its records cannot be exported with this query; narrow it (fewer columns, a filter)",
                        window, SPLIT_FLOOR);
                throw e;
            }
            LOG.info("The result of window {} is over the service's limits; asking for each half", window);
            WindowOutcome first = deliverWindow(window.firstHalf());
            if (!first.committed()) {
                return first;
            }
            WindowOutcome second = deliverWindow(window.secondHalf());
            return new WindowOutcome(first.delivered() + second.delivered(), second.committed());
        }
    }

    /**
     * Runs the query for a window (or, when window is null, with the endpoint's own timespan) and delivers the
     * result.
     */
    private int deliver(TimeWindow window, WindowCommit commit) throws Exception {
        return config.isSplitRows() ? deliverRows(window, commit) : deliverOne(window, commit);
    }

    private int deliverOne(TimeWindow window, WindowCommit commit) throws Exception {
        Exchange exchange = newExchange(window);
        // the producer owns the query-to-message mapping: one exchange per poll is exactly a produced answer
        producer.process(exchange);
        Integer rows = exchange.getMessage().getHeader(LogAnalyticsConstants.ROW_COUNT, Integer.class);
        if (rows == null || rows == 0) {
            releaseExchange(exchange, false);
            sealEmpty(commit);
            return 0;
        }
        exchange.setProperty(Exchange.BATCH_INDEX, 0);
        exchange.setProperty(Exchange.BATCH_SIZE, 1);
        exchange.setProperty(Exchange.BATCH_COMPLETE, true);
        dispatch(exchange, commit);
        if (commit != null) {
            commit.seal();
        }
        return 1;
    }

    private int deliverRows(TimeWindow window, WindowCommit commit) throws Exception {
        // the request is built from headers exactly as for one exchange per poll, so both modes ask the same
        Exchange template = newExchange(window);
        QueryRequest request = getEndpoint().queryRequest(template.getMessage());
        releaseExchange(template, false);
        RowStreamer streamer = new RowStreamer(() -> newExchange(window), exchange -> dispatch(exchange, commit));
        long started = QueryMetrics.start();
        QueryResponse<QueryResult> response;
        try {
            response = getEndpoint().client().query(request, body -> READER.stream(body, streamer));
        } catch (LogAnalyticsException e) {
            getEndpoint().metrics().failed(request.getTarget(), e, started);
            throw e;
        }
        getEndpoint().metrics().succeeded(request.getTarget(), response.isNoData() ? 0 : streamer.streamed(),
                response.getRequestId(), started);
        if (response.isNoData()) {
            sealEmpty(commit);
            return 0;
        }
        QueryResult result = response.getBody();
        Map<String, Object> lastHeaders = Map.of();
        if (result.isPartial()) {
            PartialResultException partial = ErrorCatalog.partialResult(result, response.getRequestId());
            if (partial.isResultTooLarge() || !config.isAllowPartialErrors()) {
                int delivered = streamer.abandon();
                if (delivered > 0) {
                    LOG.warn("{} rows of an incomplete result were delivered before its error arrived: they will"
                             + " be delivered again", delivered);
                }
                throw partial;
            }
            lastHeaders = Map.of(LogAnalyticsConstants.PARTIAL_ERROR, result.getError());
        }
        int delivered = streamer.finish(lastHeaders);
        if (commit != null) {
            commit.seal();
        }
        return delivered;
    }

    private Exchange newExchange(TimeWindow window) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        if (window != null) {
            message.setHeader(LogAnalyticsConstants.QUERY, window.letStatements() + config.getQuery());
            message.setHeader(LogAnalyticsConstants.TIMESPAN, window.timespan(config.getLookback()));
            message.setHeader(LogAnalyticsConstants.WINDOW_START, window.start());
            message.setHeader(LogAnalyticsConstants.WINDOW_END, window.end());
        }
        return exchange;
    }

    private void dispatch(Exchange exchange, WindowCommit commit) {
        if (commit != null) {
            commit.track(exchange);
        }
        try {
            // synchronous even for an asynchronous route: the next row is read only when this one is done
            getProcessor().process(exchange);
        } catch (Exception e) {
            throw new RuntimeCamelException("The route could not take the exchange", e);
        }
    }

    private void sealEmpty(WindowCommit commit) {
        if (commit != null) {
            commit.seal();
        }
    }

    /** The watermark as stored for this consumer (an instant), or null before the first commit; for the dev console. */
    String storedWatermark() {
        StateRepository<String, String> kept = repository;
        return kept != null ? kept.getState(watermarkKey()) : null;
    }

    /** Exchanges are created and processed during the poll itself, row by row; there is no queue to drain. */
    @Override
    public int processBatch(Queue<Object> exchanges) {
        throw new UnsupportedOperationException("exchanges are processed as they are read");
    }

    /** What one window gave: how many exchanges went out, and whether its watermark was committed. */
    private record WindowOutcome(int delivered, boolean committed) {
    }
}

package io.github.camelloganalytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;

import io.github.camelloganalytics.client.QueryRequest;
import io.github.camelloganalytics.client.QueryResponse;
import io.github.camelloganalytics.error.ErrorCatalog;
import io.github.camelloganalytics.error.LogAnalyticsException;
import io.github.camelloganalytics.error.PartialResultException;
import io.github.camelloganalytics.result.QueryResult;
import io.github.camelloganalytics.result.ResultReader;
import org.apache.camel.AsyncCallback;
import org.apache.camel.DelegateEndpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.DefaultMessage;
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
 * <p>
 * Exchanges go to the route through its asynchronous processor with Camel's consumer callback, as Camel's batch
 * consumers do: a failure the route did not handle reaches the consumer's {@code ExceptionHandler}, and every
 * exchange is released. The consumer waits for each exchange before it hands over the next, so rows are read from
 * the response only as fast as the route takes them.
 */
public class LogAnalyticsConsumer extends ScheduledBatchPollingConsumer implements WindowCommit.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(LogAnalyticsConsumer.class);
    private static final ResultReader READER = new ResultReader();

    /** Below this a window is not split further: a second's records over the service's limits cannot be exported. */
    static final Duration SPLIT_FLOOR = Duration.ofSeconds(1);

    static final String QUERY_STEP = "Query";
    static final String READ_STEP = "Reading the watermark";
    static final String WRITE_STEP = "Storing the watermark";

    private final LogAnalyticsConfiguration config;
    private final Clock clock;
    private StateRepository<String, String> repository;
    private Watermarks watermarks;
    private boolean ownRepository;
    /** The first window's start, resolved once when this consumer first starts and kept across its restarts. */
    private Instant firstStart;
    private boolean firstStartStored;
    /** The watermark as the last read found it stored (null: none yet): a window's end is written only over it. */
    private String lastStored;
    private QueryPacer pacer;
    private WindowCommit lastWindow;
    /** A window delivered whole whose end the repository refused: written at the next poll, before any query. */
    private volatile TimeWindow unstored;
    private Instant retryNotBefore;
    private volatile ConsumerStatus status = ConsumerStatus.STARTING;

    /**
     * @param endpoint  the endpoint whose options and client the consumer uses
     * @param processor the route
     */
    public LogAnalyticsConsumer(LogAnalyticsEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.config = endpoint.getConfiguration();
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
        watermarks = new Watermarks(repository);
        if (firstStart == null) {
            StartFrom startFrom = config.getStartFrom() != null
                    ? StartFrom.parse(config.getStartFrom()) : StartFrom.defaultFor(config.getTimespan());
            firstStart = startFrom.resolve(clock.instant()).truncatedTo(ChronoUnit.SECONDS);
        }
        pacer = new QueryPacer(config.getMinQueryInterval());
        String routeId = routeId();
        LogAnalyticsConsumerHealthCheck check = new LogAnalyticsConsumerHealthCheck(this,
                routeId != null ? routeId : URISupport.sanitizeUri(getEndpoint().getEndpointBaseUri()));
        check.setEnabled(getEndpoint().getComponent().isHealthCheckConsumerEnabled());
        setHealthCheck(check);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (ownRepository) {
            ServiceHelper.stopService(repository);
        }
    }

    /** What the consumer's health check reports. */
    ConsumerStatus status() {
        return status;
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
            return config.isIncremental() ? pollWindows() : pollOnce();
        } catch (LogAnalyticsException e) {
            if (config.isHonorRetryAfter() && e.isRetryable() && e.getRetryAfter() != null) {
                retryNotBefore = clock.instant().plus(e.getRetryAfter());
            }
            status = status.failed(QUERY_STEP, e, clock.instant());
            throw e;
        }
    }

    private int pollOnce() throws Exception {
        int delivered = deliver(null, null);
        status = status.succeeded(clock.instant(), null);
        return delivered;
    }

    private int pollWindows() throws Exception {
        int delivered = 0;
        while (isBatchAllowed()) {
            Instant now = clock.instant();
            Instant limit = now.minus(config.getIngestionDelay()).truncatedTo(ChronoUnit.SECONDS);
            // read at every poll, never cached: another node may have committed since
            Instant start = watermark();
            if (!start.isBefore(limit)) {
                status = status.succeeded(now, start);
                break;
            }
            Instant end = start.plus(config.getMaxWindow());
            TimeWindow window = new TimeWindow(start, end.isBefore(limit) ? end : limit);
            WindowOutcome outcome = deliverWindow(window, lastStored);
            delivered += outcome.delivered();
            if (!outcome.committed()) {
                break;
            }
        }
        return delivered;
    }

    /**
     * The watermark to go on from: the stored one, or the first window's start, which is stored as the watermark
     * before the first query so that a restart, a new CamelContext or another node starts from the same instant. A
     * window delivered whole whose end the repository refused at the last poll is committed first. Every write is
     * made only over the value read: what another node stored in between is never overwritten.
     */
    private Instant watermark() {
        String key = watermarkKey();
        String stored = read(key);
        TimeWindow pending = unstored;
        if (pending != null) {
            unstored = null;
            if (pending.start().equals(stored != null ? parse(key, stored) : firstStart)) {
                if (store(key, stored, pending)) {
                    stored = pending.end().toString();
                    LOG.info("Stored the watermark {} for {}: the window {} had been delivered whole", stored, key,
                            pending);
                } else {
                    stored = read(key);
                }
            }
            // else the watermark moved since (another node): the pending end is not written over it
        } else if (stored == null && !firstStartStored) {
            // nothing is asked before the start is stored: a restart, or another node, then starts from it too
            boolean inserted;
            try {
                inserted = watermarks.advance(key, null, firstStart.toString());
            } catch (RuntimeException e) {
                throw stateFailure(WRITE_STEP, "Could not store the first window's start " + firstStart
                                               + " as the watermark " + key + " (this consumer keeps it)", e);
            }
            firstStartStored = true;
            // another node stored a start first: that one is everybody's
            stored = inserted ? firstStart.toString() : read(key);
        }
        Instant watermark = stored != null ? parse(key, stored) : firstStart;
        lastStored = stored;
        status = status.read(watermark);
        return watermark;
    }

    private String read(String key) {
        try {
            return repository.getState(key);
        } catch (RuntimeException e) {
            throw stateFailure(READ_STEP, "Could not read the watermark " + key + " from the stateRepository", e);
        }
    }

    private Instant parse(String key, String stored) {
        try {
            return Instant.parse(stored);
        } catch (DateTimeParseException e) {
            throw stateFailure(READ_STEP, "Could not read the watermark " + key + " from the stateRepository", e);
        }
    }

    /** Writes a pending window's end over the value read; false if another node moved the watermark since. */
    private boolean store(String key, String expected, TimeWindow window) {
        boolean written;
        try {
            written = watermarks.advance(key, expected, window.end().toString());
        } catch (RuntimeException e) {
            unstored = window;
            throw stateFailure(WRITE_STEP, "Could not store the watermark " + window.end() + " for " + key
                                           + " (the window " + window + " was delivered whole)", e);
        }
        if (written) {
            status = status.succeeded(clock.instant(), window.end());
        } else {
            superseded(window);
        }
        return written;
    }

    private IllegalStateException stateFailure(String step, String what, RuntimeException cause) {
        String message = what + ": " + cause + ". No query is sent until it succeeds; it is tried again at the next"
                         + " poll";
        LOG.warn(message);
        status = status.failed(step, cause, clock.instant());
        return cause instanceof DateTimeParseException
                ? new IllegalStateException(what + ": the stored value is not an ISO 8601 instant", cause)
                : new IllegalStateException(message, cause);
    }

    @Override
    public void committed(TimeWindow window) {
        status = status.succeeded(clock.instant(), window.end());
    }

    @Override
    public void superseded(TimeWindow window) {
        LOG.info("The watermark {} was moved by another node (it took the lead) while the window {} was delivered"
                 + " here: its end is not written over it, and the next poll goes on from the stored watermark",
                watermarkKey(), window);
    }

    @Override
    public void commitFailed(TimeWindow window, RuntimeException cause) {
        unstored = window;
        LOG.warn("Could not store the watermark {} for {} ({}): the window {} was delivered whole; the write is tried"
                 + " again at the next poll, before any query", window.end(), watermarkKey(), cause.toString(),
                window);
        status = status.failed(WRITE_STEP, cause, clock.instant());
    }

    /**
     * Delivers a window and commits its end over expected, the watermark as stored at its start (null: none yet);
     * splits it in halves if the service cut its result.
     */
    private WindowOutcome deliverWindow(TimeWindow window, String expected) throws Exception {
        WindowCommit commit = new WindowCommit(watermarks, watermarkKey(), expected, window, this);
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
            WindowOutcome first = deliverWindow(window.firstHalf(), expected);
            if (!first.committed()) {
                return first;
            }
            WindowOutcome second = deliverWindow(window.secondHalf(), window.firstHalf().end().toString());
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

    /**
     * The request of a poll or window, built from the options alone: no header of an exchange takes part, so what a
     * consumer sends never depends on a message.
     */
    private QueryRequest request(TimeWindow window) {
        QueryRequest.Builder request = getEndpoint().requestDefaults(new DefaultMessage(getEndpoint().getCamelContext()));
        if (window == null) {
            return request.query(config.getQuery()).build();
        }
        return request.timespan(window.timespan(config.getLookback()))
                .query(window.letStatements() + config.getQuery()).build();
    }

    private int deliverOne(TimeWindow window, WindowCommit commit) throws Exception {
        QueryRequest request = request(window);
        if (!pacer.awaitTurn(this::isBatchAllowed)) {
            return 0;
        }
        Exchange exchange = newExchange(window, request);
        try {
            // the producer owns the query-to-message mapping: one exchange per poll is exactly a produced answer
            LogAnalyticsProducer.deliver(getEndpoint(), request, exchange.getMessage());
            if (window != null) {
                refuseTruncated(exchange.getMessage());
            }
        } catch (Exception e) {
            releaseExchange(exchange, false);
            throw e;
        }
        Integer rows = exchange.getMessage().getHeader(LogAnalyticsConstants.ROW_COUNT, Integer.class);
        if (rows == null || rows == 0) {
            releaseExchange(exchange, false);
            seal(commit);
            return 0;
        }
        Queue<Object> batch = new ArrayDeque<>(1);
        batch.add(exchange);
        int delivered = processBatch(batch, commit);
        if (delivered == 1) {
            seal(commit);
        }
        return delivered;
    }

    /**
     * A window the service cut at its limits is split and asked again, whatever {@code allowPartialErrors} says:
     * committing it would skip the records it left out.
     */
    private static void refuseTruncated(Message message) throws PartialResultException {
        @SuppressWarnings("unchecked")
        Map<String, Object> error = message.getHeader(LogAnalyticsConstants.PARTIAL_ERROR, Map.class);
        if (error != null) {
            PartialResultException partial = ErrorCatalog.partialResult(new QueryResult(List.of(), null, null, error),
                    message.getHeader(LogAnalyticsConstants.REQUEST_ID, String.class));
            if (partial.isResultTooLarge()) {
                throw partial;
            }
        }
    }

    private int deliverRows(TimeWindow window, WindowCommit commit) throws Exception {
        QueryRequest request = request(window);
        if (!pacer.awaitTurn(this::isBatchAllowed)) {
            return 0;
        }
        RowStreamer streamer = new RowStreamer(() -> newExchange(window, request), exchange -> dispatchRow(exchange,
                commit));
        long started = QueryMetrics.start();
        QueryResponse<QueryResult> response;
        // the number of rows is known only at the end: at least the one held back is pending
        pendingExchanges = 1;
        try {
            response = getEndpoint().client().query(request, body -> READER.stream(body, streamer));
        } catch (LogAnalyticsException e) {
            getEndpoint().metrics().failed(request.getTarget(), e, started);
            streamer.abandon(this::discard);
            throw e;
        } catch (DeliveryStopped stopped) {
            return streamer.abandon(this::discard);
        } finally {
            pendingExchanges = 0;
        }
        getEndpoint().metrics().succeeded(request.getTarget(), response.isNoData() ? 0 : streamer.streamed(),
                response.getRequestId(), started);
        if (response.isNoData()) {
            seal(commit);
            return 0;
        }
        QueryResult result = response.getBody();
        Map<String, Object> lastHeaders = Map.of();
        if (result.isPartial()) {
            PartialResultException partial = ErrorCatalog.partialResult(result, response.getRequestId());
            if (partial.isResultTooLarge() && window != null || !config.isAllowPartialErrors()) {
                int delivered = streamer.abandon(this::discard);
                if (delivered > 0) {
                    LOG.warn("{} rows of an incomplete result were delivered before its error arrived: they will"
                             + " be delivered again", delivered);
                }
                throw partial;
            }
            lastHeaders = Map.of(LogAnalyticsConstants.PARTIAL_ERROR, result.getError());
        }
        int delivered;
        try {
            delivered = streamer.finish(lastHeaders);
        } catch (DeliveryStopped stopped) {
            return streamer.streamed() - 1;
        }
        seal(commit);
        return delivered;
    }

    private Exchange newExchange(TimeWindow window, QueryRequest request) {
        Exchange exchange = createExchange(true);
        Message message = exchange.getMessage();
        // what was read, under names no endpoint reads: never the input of the route's next loganalytics endpoint
        message.setHeader(LogAnalyticsConstants.SENT_QUERY, request.getQuery());
        if (request.getTimespan() != null) {
            message.setHeader(LogAnalyticsConstants.SENT_TIMESPAN, request.getTimespan());
        }
        if (window != null) {
            message.setHeader(LogAnalyticsConstants.WINDOW_START, window.start());
            message.setHeader(LogAnalyticsConstants.WINDOW_END, window.end());
        }
        return exchange;
    }

    /**
     * Hands exchanges to the route as Camel's batch consumers do: batch properties, {@code pendingExchanges}, and
     * only while {@link #isBatchAllowed()}; exchanges not handed over are released.
     *
     * @return how many exchanges the route received
     */
    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        return processBatch(exchanges, null);
    }

    private int processBatch(Queue<Object> exchanges, WindowCommit commit) throws Exception {
        int total = exchanges.size();
        int index = 0;
        for (; index < total && isBatchAllowed(); index++) {
            Exchange exchange = (Exchange) exchanges.poll();
            exchange.setProperty(Exchange.BATCH_INDEX, index);
            exchange.setProperty(Exchange.BATCH_SIZE, total);
            exchange.setProperty(Exchange.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            dispatch(exchange, commit);
        }
        pendingExchanges = 0;
        for (Object left : exchanges) {
            discard((Exchange) left);
        }
        exchanges.clear();
        return index;
    }

    /** A streamed row: handed over only while the consumer may deliver and no row of the window failed. */
    private void dispatchRow(Exchange exchange, WindowCommit commit) {
        if (!isBatchAllowed() || commit != null && commit.hasFailed()) {
            discard(exchange);
            throw new DeliveryStopped();
        }
        try {
            dispatch(exchange, commit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryStopped();
        }
    }

    /**
     * The route gets the exchange through its asynchronous processor with Camel's consumer callback (failures to
     * the consumer's ExceptionHandler, the exchange released); the consumer waits until the route is done with it.
     */
    private void dispatch(Exchange exchange, WindowCommit commit) throws InterruptedException {
        if (commit != null) {
            commit.track(exchange);
        }
        CountDownLatch done = new CountDownLatch(1);
        AsyncCallback consumerCallback = defaultConsumerCallback(exchange, true);
        getAsyncProcessor().process(exchange, doneSync -> {
            try {
                consumerCallback.done(doneSync);
            } finally {
                done.countDown();
            }
        });
        done.await();
    }

    /** Releases an exchange the route never received. */
    private void discard(Exchange exchange) {
        releaseExchange(exchange, false);
    }

    private static void seal(WindowCommit commit) {
        if (commit != null) {
            commit.seal();
        }
    }

    /** The watermark as stored for this consumer (an instant), or null before the first commit; for the dev console. */
    String storedWatermark() {
        StateRepository<String, String> kept = repository;
        return kept != null ? kept.getState(watermarkKey()) : null;
    }

    /** What one window gave: how many exchanges went out, and whether its watermark was committed. */
    private record WindowOutcome(int delivered, boolean committed) {
    }

    /**
     * Stops reading a response: the consumer is stopping, or a row of the window failed (the window will be asked
     * again, so the rest would only be duplicates).
     */
    private static final class DeliveryStopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeliveryStopped() {
            super("delivery stopped", null, false, false);
        }
    }
}

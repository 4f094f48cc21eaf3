package io.github.camelloganalytics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

import io.github.camelloganalytics.client.QueryBatch;
import io.github.camelloganalytics.client.QueryRequest;
import io.github.camelloganalytics.client.QueryResponse;
import io.github.camelloganalytics.error.ErrorCatalog;
import io.github.camelloganalytics.error.LogAnalyticsException;
import io.github.camelloganalytics.result.QueryResult;
import io.github.camelloganalytics.result.ResultReader;
import io.github.camelloganalytics.result.ResultTable;
import io.github.camelloganalytics.result.RowCollector;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.util.URISupport;

/**
 * Runs the exchange's query and puts the answer in the message: the body in the endpoint's output format, the
 * counts, statistics, visualization and request id in headers.
 */
public class LogAnalyticsProducer extends DefaultProducer {

    private static final ResultReader READER = new ResultReader();
    /** For outputFormat=JSON: the body is the raw text, so no cell value may fail the read its headers come from. */
    private static final ResultReader JSON_READER = ResultReader.keepingUntypedCells();
    /** How often one batch query answered 429 is tried again after its Retry-After. */
    static final int BATCH_THROTTLE_RETRIES = 3;

    private ScheduledExecutorService batchExecutor;
    private QueryBatch batch;
    private WritableHealthCheckRepository healthCheckRepository;
    private LogAnalyticsHealthCheck healthCheck;

    /**
     * Creates the producer of an endpoint.
     *
     * @param endpoint the endpoint whose options the producer's queries follow
     */
    public LogAnalyticsProducer(LogAnalyticsEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public LogAnalyticsEndpoint getEndpoint() {
        return (LogAnalyticsEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        LogAnalyticsConfiguration config = getEndpoint().getConfiguration();
        if (config.getOperation() == LogAnalyticsOperation.BATCH) {
            // its thread count is the bound on queries in flight; waits for Retry-After are scheduled, holding none
            batchExecutor = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newScheduledThreadPool(this, "LogAnalyticsBatch", config.getBatchParallelism());
            batch = new QueryBatch(batchExecutor, config.isHonorRetryAfter() ? BATCH_THROTTLE_RETRIES : 0,
                    config.getBatchParallelism());
        }
        registerHealthCheck();
    }

    /**
     * Registers the readiness check in Camel's producers repository, as Camel's own components do: only while this
     * producer runs, so an endpoint used only by a consumer has none. Without camel-health, or with the repository
     * not enabled ({@code camel.health.producersEnabled}), the check is never called; the component's
     * {@code healthCheckProducerEnabled=false} turns it off.
     */
    private void registerHealthCheck() {
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(),
                "producers", WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            healthCheck = new LogAnalyticsHealthCheck(getEndpoint(),
                    "producer:" + URISupport.sanitizeUri(getEndpoint().getEndpointBaseUri()));
            healthCheck.setEnabled(getEndpoint().getComponent().isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheckRepository = null;
            healthCheck = null;
        }
        if (batchExecutor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(batchExecutor);
            batchExecutor = null;
            batch = null;
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        LogAnalyticsConfiguration config = getEndpoint().getConfiguration();
        // a delay asked for by an earlier failure must not steer the redelivery of a later, different one
        message.removeHeader(Exchange.REDELIVERY_DELAY);
        if (config.getOperation() == LogAnalyticsOperation.BATCH) {
            processBatch(message);
            return;
        }
        QueryRequest request = getEndpoint().queryRequest(message);
        try {
            deliver(getEndpoint(), request, message);
        } catch (LogAnalyticsException e) {
            if (config.isHonorRetryAfter() && e.isRetryable() && e.getRetryAfter() != null) {
                message.setHeader(Exchange.REDELIVERY_DELAY, e.getRetryAfter().toMillis());
            }
            throw e;
        }
    }

    /**
     * Runs each query of the body's list as a single query and puts the outcomes, in order, in the body. The items'
     * own headers (row counts, statistics) have no place on the one message; {@code TABLES} keeps statistics and
     * visualization on each {@code QueryResult}.
     */
    private void processBatch(Message message) throws InterruptedException {
        List<QueryRequest> requests = batchRequests(message);
        LogAnalyticsConfiguration config = getEndpoint().getConfiguration();
        CamelContext context = getEndpoint().getCamelContext();
        List<Object> outcomes = batch.run(requests, request -> {
            Message item = new DefaultMessage(context);
            deliver(getEndpoint(), request, item);
            return item.getBody();
        });
        int failures = (int) outcomes.stream().filter(LogAnalyticsException.class::isInstance).count();
        message.setHeader(LogAnalyticsConstants.BATCH_FAILURES, failures);
        message.setBody(outcomes);
    }

    /** The body's queries, each completed from the endpoint's settings; a bad item fails the whole exchange. */
    private List<QueryRequest> batchRequests(Message message) {
        Object body = message.getBody();
        if (!(body instanceof Collection<?> items)) {
            throw new IllegalArgumentException("operation=BATCH needs a List body of query Strings or QueryRequests,"
                                               + " not " + (body == null ? "null" : body.getClass().getName()));
        }
        QueryRequest.Builder defaults = getEndpoint().requestDefaults(message);
        List<QueryRequest> requests = new ArrayList<>(items.size());
        int index = 0;
        for (Object item : items) {
            QueryRequest request;
            try {
                if (item instanceof String query) {
                    request = QueryRequest.builder().query(query).build();
                } else if (item instanceof QueryRequest given) {
                    request = given;
                } else {
                    throw new IllegalArgumentException("it is a " + (item == null ? "null" : item.getClass().getName())
                                                       + ", not a query String or a QueryRequest");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Batch item " + index + ": " + e.getMessage(), e);
            }
            request = request.withDefaults(defaults);
            if (request.getTarget() == null) {
                throw new IllegalArgumentException("Batch item " + index + ": " + LogAnalyticsEndpoint.NO_TARGET);
            }
            requests.add(request);
            index++;
        }
        return requests;
    }

    /**
     * Runs one query into the message and counts it in the endpoint's metrics, failed or not. The consumer delivers
     * one exchange per poll through it too, so both put the same body and headers in the message.
     */
    static void deliver(LogAnalyticsEndpoint endpoint, QueryRequest request, Message message)
            throws LogAnalyticsException {
        LogAnalyticsConfiguration config = endpoint.getConfiguration();
        long started = QueryMetrics.start();
        try {
            switch (config.getOutputFormat()) {
                case JSON -> deliverJson(endpoint, request, message, config);
                case TABLES -> deliverTables(endpoint, request, message, config);
                default -> deliverRows(endpoint, request, message, config);
            }
        } catch (LogAnalyticsException e) {
            endpoint.metrics().failed(request.getTarget(), e, started);
            throw e;
        }
        endpoint.metrics().succeeded(request.getTarget(),
                message.getHeader(LogAnalyticsConstants.ROW_COUNT, 0, Integer.class),
                message.getHeader(LogAnalyticsConstants.REQUEST_ID, String.class), started);
    }

    private static void deliverRows(LogAnalyticsEndpoint endpoint, QueryRequest request, Message message,
                                    LogAnalyticsConfiguration config)
            throws LogAnalyticsException {
        QueryResponse<RowsAnswer> response = endpoint.client().query(request, body -> {
            RowCollector rows = new RowCollector();
            QueryResult result = READER.stream(body, rows);
            return new RowsAnswer(rows, result);
        });
        if (noData(response, message, config)) {
            message.setBody(List.of());
            return;
        }
        RowsAnswer answer = response.getBody();
        setResultHeaders(message, answer.withRows(), answer.rows().getRows().size(), response.getRequestId(), config);
        message.setBody(answer.rows().getRows());
    }

    private static void deliverTables(LogAnalyticsEndpoint endpoint, QueryRequest request, Message message,
                                    LogAnalyticsConfiguration config)
            throws LogAnalyticsException {
        QueryResponse<QueryResult> response = endpoint.client().query(request, READER::read);
        if (noData(response, message, config)) {
            message.setBody(new QueryResult(List.of(), null, null, null));
            return;
        }
        QueryResult result = response.getBody();
        int rowCount = result.getPrimaryTable() != null ? result.getPrimaryTable().getRowCount() : 0;
        setResultHeaders(message, result, rowCount, response.getRequestId(), config);
        message.setBody(result);
    }

    private static void deliverJson(LogAnalyticsEndpoint endpoint, QueryRequest request, Message message,
                                    LogAnalyticsConfiguration config)
            throws LogAnalyticsException {
        // the text is the body; the headers come from the same single pass over it (RawJsonBody)
        QueryResponse<RawJsonBody.Answer> response = endpoint.client().query(request,
                RawJsonBody.reader(JSON_READER));
        if (noData(response, message, config)) {
            message.setBody("");
            return;
        }
        RawJsonBody.Answer answer = response.getBody();
        setResultHeaders(message, answer.result(), answer.rowCount(), response.getRequestId(), config);
        message.setBody(answer.json());
    }

    private static boolean noData(QueryResponse<?> response, Message message, LogAnalyticsConfiguration config)
            throws LogAnalyticsException {
        message.setHeader(LogAnalyticsConstants.REQUEST_ID, response.getRequestId());
        if (response.getPreferenceApplied() != null) {
            message.setHeader(LogAnalyticsConstants.PREFERENCE_APPLIED, response.getPreferenceApplied());
        } else {
            // an earlier query's answer must not pass for this one's
            message.removeHeader(LogAnalyticsConstants.PREFERENCE_APPLIED);
        }
        if (!response.isNoData()) {
            return false;
        }
        if (config.isFailOnNoData()) {
            throw ErrorCatalog.noData(response.getRequestId());
        }
        message.setHeader(LogAnalyticsConstants.NO_DATA, Boolean.TRUE);
        message.setHeader(LogAnalyticsConstants.ROW_COUNT, 0);
        message.setHeader(LogAnalyticsConstants.TABLE_COUNT, 0);
        return true;
    }

    private static void setResultHeaders(Message message, QueryResult result, int rowCount, String requestId,
                                         LogAnalyticsConfiguration config) throws LogAnalyticsException {
        if (result.isPartial()) {
            if (!config.isAllowPartialErrors()) {
                throw ErrorCatalog.partialResult(result, requestId);
            }
            message.setHeader(LogAnalyticsConstants.PARTIAL_ERROR, result.getError());
        }
        message.setHeader(LogAnalyticsConstants.ROW_COUNT, rowCount);
        message.setHeader(LogAnalyticsConstants.TABLE_COUNT, result.getTables().size());
        setIfPresent(message, LogAnalyticsConstants.STATISTICS, result.getStatistics());
        setIfPresent(message, LogAnalyticsConstants.VISUALIZATION, result.getVisualization());
    }

    private static void setIfPresent(Message message, String header, Map<String, Object> value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }

    /** The primary table's rows, collected while streaming, and the rest of the answer. */
    private record RowsAnswer(RowCollector rows, QueryResult result) {

        /** The answer with the collected rows in its primary table, as a partial result must carry them. */
        QueryResult withRows() {
            List<ResultTable> tables = new ArrayList<>(result.getTables());
            if (!tables.isEmpty() && rows.getTable() != null) {
                tables.set(0, rows.getTable());
            }
            return new QueryResult(tables, result.getStatistics(), result.getVisualization(), result.getError());
        }
    }
}

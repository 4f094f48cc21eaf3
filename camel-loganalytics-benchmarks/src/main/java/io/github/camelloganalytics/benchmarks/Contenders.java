package io.github.camelloganalytics.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import javax.net.ssl.SSLException;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.monitor.query.LogsQueryClient;
import com.azure.monitor.query.LogsQueryClientBuilder;
import com.azure.monitor.query.models.LogsColumnType;
import com.azure.monitor.query.models.LogsQueryResult;
import com.azure.monitor.query.models.LogsTable;
import com.azure.monitor.query.models.LogsTableCell;
import com.azure.monitor.query.models.LogsTableRow;
import com.azure.monitor.query.models.QueryTimeInterval;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.camelloganalytics.LogAnalyticsConsumer;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import io.github.camelloganalytics.result.QueryResult;
import io.github.camelloganalytics.result.ResultReader;
import io.github.camelloganalytics.result.ResultTable;
import io.github.camelloganalytics.result.RowCollector;
import io.github.camelloganalytics.testkit.SampleWorkspace;
import io.github.camelloganalytics.testkit.data.ColumnType;
import io.netty.handler.ssl.SslContextBuilder;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import reactor.core.publisher.Mono;

/**
 * The five ways of reading one query's result, set up once against one {@link FixedBodyServer}, each reading every
 * value of every row into a {@link Sink} and returning the rows it read:
 * <ul>
 * <li>{@link #producerRows} / {@link #producerTables}: this component, {@code outputFormat=ROWS} and {@code TABLES},
 * through a route;</li>
 * <li>{@link #consumerSplitRows}: this component's consumer, {@code splitRows=true}, one exchange per row;</li>
 * <li>{@link #sdk}: the Azure SDK's {@code LogsQueryClient.queryWorkspace}, each cell read as its typed value;</li>
 * <li>{@link #camelHttp}: a camel-http route unmarshalling with Jackson to {@code List<Map>};</li>
 * <li>{@link #floor}: Jackson's streaming parser over the same bytes from memory, touching every value: what no
 * HTTP client can beat.</li>
 * </ul>
 */
public final class Contenders implements AutoCloseable {

    /** The workspace asked: any GUID, the fixed server answers every path alike. */
    public static final String WORKSPACE = SampleWorkspace.ID;

    private static final JsonFactory JSON = new JsonFactory();
    private static final ResultReader READER = new ResultReader();

    private final FixedBodyServer server;
    private final CamelContext camel;
    private final ProducerTemplate template;
    private final LogsQueryClient sdk;
    private final CloseableHttpClient transport;
    private final AtomicLong splitRowsSeen = new AtomicLong();
    private volatile Sink splitSink;

    /**
     * Starts a Camel context with every route and builds the SDK client.
     *
     * @param  server the server to ask
     * @param  tls    its certificate, trusted by every client
     * @param  gzip   whether the clients ask for gzip (the component and camel-http always accept it; the SDK's Netty
     *                client is told to)
     * @throws Exception when Camel does not start
     */
    public Contenders(FixedBodyServer server, Tls tls, boolean gzip) throws Exception {
        this.server = server;
        this.camel = new DefaultCamelContext();
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setTrustManager(tls.trustManagers().getTrustManagers()[0]);
        SSLContextParameters ssl = new SSLContextParameters();
        ssl.setTrustManagers(trust);
        camel.getRegistry().bind("tls", ssl);

        String common = "loganalytics:" + WORKSPACE + "?host=" + server.baseUrl()
                        + "&accessToken=RAW(benchmark-token)&sslContextParameters=#tls&query=" + WideTable.NAME
                        // the 500,000-row body (about 148 MB) is larger than the service's own 64 MB cut, and than
                        // the default limit of 128 MiB that follows it: raised so that the largest case is read
                        + "&maxResponseSize=1073741824";
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:rows").to(common + "&outputFormat=ROWS");
                from("direct:tables").to(common + "&outputFormat=TABLES");
                // minQueryInterval=PT0S: the consumer's pacing (1 s between queries by default) would otherwise be what is
                // measured, not the reading of the rows
                from(common + "&splitRows=true&startScheduler=false&minQueryInterval=PT0S").routeId("splitRows").process(exchange -> {
                    touch(exchange.getMessage().getBody(Map.class).values(), splitSink);
                    splitRowsSeen.incrementAndGet();
                });
                from("direct:http")
                        .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                        .setHeader("Authorization", constant("Bearer benchmark-token"))
                        .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                        .setBody(constant("{\"query\":\"" + WideTable.NAME + "\"}"))
                        .to(server.baseUrl() + "/v1/workspaces/" + WORKSPACE + "/query?sslContextParameters=#tls")
                        .unmarshal().json(JsonLibrary.Jackson, Map.class)
                        .process(exchange -> exchange.getMessage().setBody(
                                primaryRows(exchange.getMessage().getBody(Map.class))));
            }
        });
        camel.start();
        template = camel.createProducerTemplate();

        transport = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(tls.clientContext())).build())
                .build();

        reactor.netty.http.client.HttpClient netty = reactor.netty.http.client.HttpClient.create()
                .secure(spec -> spec.sslContext(clientContext(tls)))
                .compress(gzip);
        TokenCredential credential
                = request -> Mono.just(new AccessToken("benchmark-token", OffsetDateTime.now().plusHours(1)));
        sdk = new LogsQueryClientBuilder()
                .endpoint(server.baseUrl() + "/v1")
                .credential(credential)
                .httpClient(new NettyAsyncHttpClientBuilder(netty).build())
                .buildClient();
    }

    private static io.netty.handler.ssl.SslContext clientContext(Tls tls) {
        try {
            return SslContextBuilder.forClient().trustManager(tls.certificate()).build();
        } catch (SSLException e) {
            throw new IllegalStateException("Cannot build the SDK's TLS context", e);
        }
    }

    /** @return the Camel context the routes run in */
    public CamelContext camel() {
        return camel;
    }

    /**
     * (a) This component, {@code outputFormat=ROWS}: typed {@code List<Map>}.
     *
     * @param  sink where values go
     * @return      rows read
     */
    @SuppressWarnings("unchecked")
    public int producerRows(Sink sink) {
        List<Map<String, Object>> rows = template.requestBody("direct:rows", null, List.class);
        for (Map<String, Object> row : rows) {
            touch(row.values(), sink);
        }
        return rows.size();
    }

    /**
     * (a) This component, {@code outputFormat=TABLES}: a {@link QueryResult} with typed rows.
     *
     * @param  sink where values go
     * @return      rows read
     */
    public int producerTables(Sink sink) {
        QueryResult result = template.requestBody("direct:tables", null, QueryResult.class);
        ResultTable table = result.getPrimaryTable();
        for (List<Object> row : table.getRows()) {
            touch(row, sink);
        }
        return table.getRowCount();
    }

    /**
     * (b) This component's consumer with {@code splitRows=true}: one poll, one exchange per row, in this thread.
     *
     * @param  sink where values go
     * @return      rows read
     */
    public int consumerSplitRows(Sink sink) {
        splitSink = sink;
        long before = splitRowsSeen.get();
        LogAnalyticsConsumer consumer = (LogAnalyticsConsumer) camel.getRoute("splitRows").getConsumer();
        consumer.run();
        return (int) (splitRowsSeen.get() - before);
    }

    /**
     * (c) The Azure SDK: {@code LogsQueryClient.queryWorkspace}, every cell read as the Java value of its column
     * type, as the component delivers it (decimal, guid and timespan have no typed getter in the SDK, so the text
     * is parsed as a user would have to).
     *
     * @param  sink where values go
     * @return      rows read
     */
    public int sdk(Sink sink) {
        LogsQueryResult result = sdk.queryWorkspace(WORKSPACE, WideTable.NAME, QueryTimeInterval.ALL);
        LogsTable table = result.getTable();
        for (LogsTableRow row : table.getRows()) {
            for (LogsTableCell cell : row.getRow()) {
                sink.consume(sdkValue(cell));
            }
        }
        return table.getRows().size();
    }

    /**
     * @param  cell an SDK cell
     * @return      its value as the Java type the component gives its column type
     */
    static Object sdkValue(LogsTableCell cell) {
        LogsColumnType type = cell.getColumnType();
        if (LogsColumnType.STRING.equals(type)) {
            return cell.getValueAsString();
        } else if (LogsColumnType.DATETIME.equals(type)) {
            return cell.getValueAsDateTime();
        } else if (LogsColumnType.LONG.equals(type)) {
            return cell.getValueAsLong();
        } else if (LogsColumnType.INT.equals(type)) {
            return cell.getValueAsInteger();
        } else if (LogsColumnType.BOOL.equals(type)) {
            return cell.getValueAsBoolean();
        } else if (LogsColumnType.REAL.equals(type)) {
            return cell.getValueAsDouble();
        } else if (LogsColumnType.DYNAMIC.equals(type)) {
            return cell.getValueAsDynamic().toObject(Object.class);
        }
        String text = cell.getValueAsString();
        if (text == null) {
            return null;
        } else if (LogsColumnType.DECIMAL.equals(type)) {
            return new BigDecimal(text);
        } else if (LogsColumnType.GUID.equals(type)) {
            return UUID.fromString(text);
        } else if (LogsColumnType.TIMESPAN.equals(type)) {
            return ColumnType.parseTimespan(text);
        }
        return text;
    }

    /**
     * (d) A camel-http route: POST the query, Jackson to a Map, the primary table's rows zipped with its column
     * names into {@code List<Map>} (values as Jackson reads them: datetimes, guids, timespans and dynamics stay
     * strings).
     *
     * @param  sink where values go
     * @return      rows read
     */
    @SuppressWarnings("unchecked")
    public int camelHttp(Sink sink) {
        List<Map<String, Object>> rows = template.requestBody("direct:http", null, List.class);
        for (Map<String, Object> row : rows) {
            touch(row.values(), sink);
        }
        return rows.size();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> primaryRows(Map<String, Object> response) {
        List<Map<String, Object>> tables = (List<Map<String, Object>>) response.get("tables");
        if (tables == null || tables.isEmpty()) {
            return Collections.emptyList();
        }
        Map<String, Object> primary = tables.get(0);
        List<Map<String, Object>> columns = (List<Map<String, Object>>) primary.get("columns");
        String[] names = new String[columns.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = (String) columns.get(i).get("name");
        }
        List<List<Object>> rows = (List<List<Object>>) primary.get("rows");
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            Map<String, Object> map = new LinkedHashMap<>(names.length * 2);
            for (int i = 0; i < names.length; i++) {
                map.put(names[i], row.get(i));
            }
            out.add(map);
        }
        return out;
    }

    /**
     * Not a contender but the cost of the transport alone: the same request with the component's HTTP client
     * library (Apache HttpClient 5, gunzipping when gzipped), the body read into a buffer and dropped. What every
     * HTTP contender pays before it parses anything.
     *
     * @param  sink where the byte count goes
     * @return      bytes read
     */
    public long transportOnly(Sink sink) {
        HttpPost post = new HttpPost(server.baseUrl() + "/v1/workspaces/" + WORKSPACE + "/query");
        post.setHeader("Authorization", "Bearer benchmark-token");
        post.setEntity(new StringEntity("{\"query\":\"" + WideTable.NAME + "\"}", ContentType.APPLICATION_JSON));
        try (ClassicHttpResponse response = transport.executeOpen(null, post, null);
             InputStream in = response.getEntity().getContent()) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
            }
            sink.consume(total);
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * (e) The floor: Jackson's streaming parser over the body from memory (gunzipping when gzipped), every scalar
     * read as text or number, no HTTP, no objects per row.
     *
     * @param  body    the body as the server sends it
     * @param  gzipped whether it is gzipped
     * @param  sink    where values go
     * @return         rows read (arrays inside {@code rows})
     */
    public static int floor(byte[] body, boolean gzipped, Sink sink) {
        try (InputStream in = fromMemory(body, gzipped);
             JsonParser parser = JSON.createParser(in)) {
            int rows = 0;
            // arrays only: tables [ at 1, a table's rows [ at 2, each row [ at 3
            int depth = 0;
            boolean inRows = false;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                switch (token) {
                    case START_ARRAY -> {
                        depth++;
                        if (inRows && depth == 3) {
                            rows++;
                        }
                    }
                    case END_ARRAY -> {
                        depth--;
                        if (depth < 2) {
                            inRows = false;
                        }
                    }
                    case FIELD_NAME -> {
                        if (depth == 1 && "rows".equals(parser.currentName())) {
                            inRows = true;
                        }
                    }
                    case VALUE_STRING -> sink.consume(parser.getText());
                    case VALUE_NUMBER_INT -> sink.consume(parser.getLongValue());
                    case VALUE_NUMBER_FLOAT -> sink.consume(parser.getDoubleValue());
                    case VALUE_TRUE -> sink.consume(true);
                    case VALUE_FALSE -> sink.consume(false);
                    default -> {
                        // objects and nulls carry no value to touch
                    }
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Not a contender: this component's reader ({@code outputFormat=ROWS}'s {@code RowCollector}) over the body from
     * memory, every value touched: the floor's conditions, so the difference to the floor is the typing alone, with
     * neither HTTP nor TLS.
     *
     * @param  body    the body as the server sends it
     * @param  gzipped whether it is gzipped
     * @param  sink    where values go
     * @return         rows read
     */
    public static int readerFromMemory(byte[] body, boolean gzipped, Sink sink) {
        try (InputStream in = fromMemory(body, gzipped)) {
            RowCollector rows = new RowCollector();
            READER.stream(in, rows);
            for (Map<String, Object> row : rows.getRows()) {
                touch(row.values(), sink);
            }
            return rows.getRows().size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body as the in-memory readers read it: gunzipped when gzipped, with a buffer as large as the server's. */
    private static InputStream fromMemory(byte[] body, boolean gzipped) throws IOException {
        InputStream in = new ByteArrayInputStream(body);
        return gzipped ? new GZIPInputStream(in, 64 * 1024) : in;
    }

    private static void touch(Iterable<?> values, Sink sink) {
        for (Object value : values) {
            sink.consume(value);
        }
    }

    /** @return the server */
    public FixedBodyServer server() {
        return server;
    }

    @Override
    public void close() throws Exception {
        transport.close();
        camel.close();
    }
}

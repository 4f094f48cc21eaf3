package io.github.camelloganalytics.testkit.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.SampleData;

/**
 * Application Insights records of the sample shop (roles {@code orders-api} and {@code gateway}): the dependencies
 * its requests call (which fail with them), the exceptions of failed requests with their stacks, traces; page views,
 * availability tests and a function app. The request-bound tables walk one stream of requests (the bundled requests of
 * the last 24 hours, generated ones on the days before), so their {@code OperationId}s join AppRequests.
 */
final class AppTables {

    private static final String HOST = "https://shop.contoso.com";

    private AppTables() {
    }

    /** A request of the shared stream. */
    record Request(Instant time, String id, String operationId, String name, String role, String resultCode,
            boolean success, double durationMs, String failure) {
    }

    /**
     * The shop's requests before {@code until}: generated ones on the days before the bundled day, then the bundled
     * AppRequests records of the last 24 hours (see {@code SampleData}), anchored at the clock, so that the tables
     * generated from them join the sample AppRequests table on {@code OperationId}.
     * A 503 is the payment service down (for order posts) or the database; a 500 the database or a bug.
     */
    static List<Request> requests(GenerationContext ctx, Instant until) {
        List<Request> out = history(ctx, until);
        Rand rand = new Rand(ctx.seed(), "requests");
        List<Column> columns = SampleData.columns("AppRequests");
        SampleData.Records bundled = SampleData.records("AppRequests", columns, ctx.now());
        int time = index(columns, "TimeGenerated");
        int id = index(columns, "Id");
        int operation = index(columns, "OperationId");
        int name = index(columns, "Name");
        int role = index(columns, "AppRoleName");
        int code = index(columns, "ResultCode");
        int success = index(columns, "Success");
        int duration = index(columns, "DurationMs");
        for (Object[] r : bundled.rows()) {
            Instant at = (Instant) r[time];
            if (!at.isBefore(until)) {
                continue;
            }
            String n = (String) r[name];
            String c = (String) r[code];
            String failure = c.equals("503") ? (n.startsWith("POST") ? "payment" : "sql")
                    : c.equals("500") ? rand.pick("sql", "bug") : null;
            out.add(new Request(at, (String) r[id], (String) r[operation], n, (String) r[role], c, (Boolean) r[success],
                    (Double) r[duration], failure));
        }
        return out;
    }

    /** The shop's endpoints, as the bundled requests name them, with their share of the traffic. */
    private static final List<String> ENDPOINTS = List.of("GET /api/customers", "GET /health", "POST /api/orders",
            "GET /api/orders/{id}", "GET /api/orders", "GET /api/customers", "GET /health", "GET /api/orders/{id}",
            "GET /api/orders", "POST /api/orders");

    /**
     * The requests of the days before the bundled day (which starts a day before the clock), made like the bundled
     * ones: some 160 a working day, fewer at night and at weekends, 63 % to orders-api, one in seven failing. Each
     * falls at least a minute after the start of its quarter hour (quarters counted back from the bundled day), so a
     * timespan of whole days before the clock never cuts one off by the few seconds between the clock and a query.
     */
    private static List<Request> history(GenerationContext ctx, Instant until) {
        Rand rand = new Rand(ctx.seed(), "requests-history");
        Instant end = StandardData.bundledFrom(ctx).isBefore(until) ? StandardData.bundledFrom(ctx) : until;
        List<Request> out = new ArrayList<>();
        Duration quarter = Duration.ofMinutes(15);
        long quarters = Duration.between(ctx.from(), StandardData.bundledFrom(ctx)).dividedBy(quarter);
        for (long q = quarters; q >= 1; q--) {
            Instant slot = StandardData.bundledFrom(ctx).minus(quarter.multipliedBy(q));
            double p = 0.5 * Rand.load(slot);
            for (int i = 0; i < 5; i++) {
                if (!rand.chance(p)) {
                    continue;
                }
                Instant at = slot.plus(Duration.ofMinutes(1)).plus(rand.jitter(Duration.ofMinutes(13)));
                String name = rand.pick(ENDPOINTS);
                String role = rand.chance(0.63) ? "orders-api" : "gateway";
                double dice = rand.real(0, 1);
                String code = name.equals("GET /health") ? "200" : dice < 0.085 ? "500" : dice < 0.145 ? "503"
                        : dice < 0.19 ? "400" : dice < 0.215 && name.endsWith("{id}") ? "404"
                        : name.startsWith("POST") ? "201" : "200";
                boolean success = code.startsWith("2");
                double ms = Math.round(rand.logNormal(success ? 36 : 25, 0.7) * 1000) / 1000.0;
                String failure = code.equals("503") ? (name.startsWith("POST") ? "payment" : "sql")
                        : code.equals("500") ? rand.pick("sql", "bug") : null;
                String id = rand.uuid().toString().replace("-", "");
                if (at.isBefore(end)) {
                    out.add(new Request(at, id.substring(0, 16), rand.uuid().toString().replace("-", ""), name, role,
                            code, success, ms, failure));
                }
            }
        }
        return out;
    }

    private static int index(List<Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("The bundled AppRequests records lack " + name);
    }

    private static RowBuilder common(RowBuilder row, Request r) {
        return row.set("OperationId", r.operationId()).set("AppRoleName", r.role())
                .set("AppRoleInstance", r.role().equals("gateway") ? "gateway-7d9f8-x2lq" : "orders-api-5c6b7-k8p2")
                .set("AppVersion", "2.4.1").set("SDKVersion", "java:3.5.4").set("ClientType", "PC")
                .set("ClientCountryOrRegion", "Ireland").set("ClientCity", "Dublin").set("ClientIP", "0.0.0.0")
                .set("ItemCount", 1).set("IKey", "8f3b2a1c-7d6e-4f5a-9b8c-1d2e3f4a5b6c")
                .set("ResourceGUID", "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d").set("SourceSystem", "Azure");
    }

    private static String appResource(GenerationContext ctx) {
        return ctx.resourceId("Microsoft.Insights/components", "rg-web", "appi-shop");
    }

    static void appRequests(Emitter out, Rand rand) {
        for (Request r : requests(out.ctx(), out.until())) {
            String path = r.name().substring(r.name().indexOf(' ') + 1).replace("{id}", String.valueOf(rand.between(1000, 9999)));
            out.emit(common(out.row(), r).set("Id", r.id()).set("Name", r.name()).set("OperationName", r.name())
                    .set("Url", HOST + path).set("Success", r.success()).set("ResultCode", r.resultCode())
                    .set("DurationMs", r.durationMs()).set("Source", "")
                    .set("ResponseBytes", (long) rand.logNormal(4000, 1.2))
                    .set("ServerTime", Duration.ofNanos((long) (r.durationMs() * 1_000_000) / 100 * 100))
                    .set("BilledCost", BigDecimal.valueOf(rand.real(0.01, 0.5)).setScale(4, RoundingMode.HALF_UP))
                    .set("Properties", Json.object("http.method", r.name().substring(0, r.name().indexOf(' ')),
                            "_MS.ProcessedByMetricExtractors", "(Name:'Requests', Ver:'1.1')")),
                    r.time(), appResource(out.ctx()));
        }
    }

    /** Each orders-api request queries SQL; order posts call the payment API. Failing calls carry the failure. */
    static void appDependencies(Emitter out, Rand rand) {
        for (Request r : requests(out.ctx(), out.until())) {
            if (!r.role().equals("orders-api")) {
                continue;
            }
            boolean sqlFails = "sql".equals(r.failure());
            double sqlMs = sqlFails ? r.durationMs() - 5 : Math.max(1, r.durationMs() * rand.real(0.2, 0.6));
            out.emit(common(out.row(), r).set("Id", rand.uuid().toString().substring(0, 16)).set("ParentId", r.id())
                    .set("Name", "SQL: sql-orders.database.windows.net | ordersdb").set("OperationName", r.name())
                    .set("DependencyType", "SQL").set("Target", "sql-orders.database.windows.net | ordersdb")
                    .set("Data", r.name().startsWith("POST") ? "INSERT INTO orders (customer_id, total) VALUES (?, ?)"
                            : "SELECT id, customer_id, total, status FROM orders WHERE customer_id = ?")
                    .set("Success", !sqlFails).set("ResultCode", sqlFails ? "-2" : "0")
                    .set("DurationMs", Math.round(sqlMs * 1000) / 1000.0),
                    r.time().plusMillis(2), appResource(out.ctx()));
            if (r.name().startsWith("POST")) {
                boolean payFails = "payment".equals(r.failure());
                out.emit(common(out.row(), r).set("Id", rand.uuid().toString().substring(0, 16)).set("ParentId", r.id())
                        .set("Name", "POST /v1/payments").set("OperationName", r.name()).set("DependencyType", "HTTP")
                        .set("Target", "payments.contoso.com").set("Data", "https://payments.contoso.com/v1/payments")
                        .set("Success", !payFails).set("ResultCode", payFails ? "503" : "200")
                        .set("DurationMs", payFails ? r.durationMs() - 10 : Math.round(rand.logNormal(120, 0.5) * 1000) / 1000.0),
                        r.time().plusMillis(5), appResource(out.ctx()));
            }
        }
    }

    /** The exception of each failed request, with its type, message and stack in {@code Details}. */
    static void appExceptions(Emitter out, Rand rand) {
        for (Request r : requests(out.ctx(), out.until())) {
            if (r.failure() == null) {
                continue;
            }
            String type;
            String message;
            String method;
            String file;
            int line;
            switch (r.failure()) {
                case "sql" -> {
                    type = "java.sql.SQLTransientConnectionException";
                    message = "HikariPool-1 - Connection is not available, request timed out after 30000ms.";
                    method = "com.contoso.orders.OrderRepository.findByCustomer";
                    file = "OrderRepository.java";
                    line = 87;
                }
                case "payment" -> {
                    type = "org.apache.camel.http.base.HttpOperationFailedException";
                    message = "HTTP operation failed invoking https://payments.contoso.com/v1/payments with statusCode: 503";
                    method = "com.contoso.orders.PaymentClient.charge";
                    file = "PaymentClient.java";
                    line = 52;
                }
                default -> {
                    type = "java.lang.NullPointerException";
                    message = "Cannot invoke \"com.contoso.orders.Customer.getAddress()\" because \"customer\" is null";
                    method = "com.contoso.orders.OrderService.shippingLabel";
                    file = "OrderService.java";
                    line = 143;
                }
            }
            var frames = Json.array(
                    Json.object("level", 0, "method", method, "assembly", "orders-api-2.4.1.jar", "fileName", file, "line", line),
                    Json.object("level", 1, "method", "com.contoso.orders.OrderRoutes.lambda$configure$3", "assembly",
                            "orders-api-2.4.1.jar", "fileName", "OrderRoutes.java", "line", 61),
                    Json.object("level", 2, "method", "org.apache.camel.processor.Pipeline$PipelineTask.run", "assembly",
                            "camel-core-processor-4.18.0.jar", "fileName", "Pipeline.java", "line", 163));
            var details = Json.array(Json.object("outerId", "0", "id", rand.uuid().toString().substring(0, 8), "type", type,
                    "message", message, "severityLevel", "Error", "parsedStack", frames));
            out.emit(common(out.row(), r).set("ParentId", r.id()).set("OperationName", r.name())
                    .set("ExceptionType", type).set("OuterType", type).set("InnermostType", type)
                    .set("Message", message).set("OuterMessage", message).set("InnermostMessage", message)
                    .set("Method", method).set("OuterMethod", method).set("InnermostMethod", method)
                    .set("Assembly", "orders-api-2.4.1.jar").set("OuterAssembly", "orders-api-2.4.1.jar")
                    .set("InnermostAssembly", "orders-api-2.4.1.jar").set("ProblemId", type + " at " + method)
                    .set("HandledAt", "UserCode").set("SeverityLevel", 3).set("Details", details),
                    r.time().plus(Duration.ofMillis((long) r.durationMs())), appResource(out.ctx()));
        }
    }

    /** The orders-api's log lines: one per request, a warning or error for failed ones. */
    static void appTraces(Emitter out, Rand rand) {
        for (Request r : requests(out.ctx(), out.until())) {
            if (!r.role().equals("orders-api")) {
                continue;
            }
            int level = r.failure() != null ? 3 : r.resultCode().equals("404") ? 2 : 1;
            String message = switch (level) {
                case 3 -> "Request " + r.name() + " failed: " + ("payment".equals(r.failure()) ? "payment service unavailable"
                        : "sql".equals(r.failure()) ? "database connection timeout" : "unexpected error");
                case 2 -> "Order " + rand.between(1000, 9999) + " not found";
                default -> r.name().startsWith("POST") ? "Order " + rand.between(10000, 99999) + " created"
                        : "Served " + r.name() + " in " + Math.round(r.durationMs()) + " ms";
            };
            out.emit(common(out.row(), r).set("ParentId", r.id()).set("OperationName", r.name()).set("Message", message)
                    .set("SeverityLevel", level)
                    .set("Properties", Json.object("LoggerName", "com.contoso.orders.OrderRoutes", "ThreadName",
                            "http-nio-8080-exec-" + rand.between(1, 20), "SourceType", "Logger")),
                    r.time().plusMillis(1), appResource(out.ctx()));
        }
    }

    /** The shop's pages as browsers load them. */
    static void appPageViews(Emitter out, Rand rand) {
        for (Instant t = AgentTables.aligned(out.from(), Duration.ofHours(1)); t.isBefore(out.until()); t = t.plus(Duration.ofHours(1))) {
            int n = (int) Math.round(12 * Rand.load(t));
            for (int i = 0; i < n; i++) {
                String page = rand.pick("Home", "Orders", "Order details", "Checkout", "Account");
                out.emit(out.row().set("Name", page).set("Url", HOST + "/" + page.toLowerCase().replace(' ', '-'))
                        .set("DurationMs", Math.round(rand.logNormal(900, 0.6) * 1000) / 1000.0)
                        .set("Id", rand.uuid().toString().substring(0, 16)).set("OperationId", rand.uuid().toString().replace("-", ""))
                        .set("ClientBrowser", rand.pick("Chrome 131.0", "Edge 131.0", "Firefox 133.0", "Safari 18.1"))
                        .set("ClientOS", rand.pick("Windows 10", "macOS", "Android 14", "iOS 18.1")).set("ClientType", "Browser")
                        .set("ClientCity", rand.pick("Dublin", "London", "Amsterdam", "Paris")).set("ClientCountryOrRegion",
                                rand.pick("Ireland", "United Kingdom", "Netherlands", "France"))
                        .set("SessionId", rand.uuid().toString().substring(0, 8)).set("UserId", rand.uuid().toString().substring(0, 6))
                        .set("AppRoleName", "shop-web").set("ItemCount", 1).set("SDKVersion", "javascript:3.3.4"),
                        t.plus(rand.jitter(Duration.ofHours(1))), appResource(out.ctx()));
            }
        }
    }

    /** Availability tests of the shop's home page from three locations every 15 minutes; a few fail. */
    static void appAvailabilityResults(Emitter out, Rand rand) {
        for (Instant t = AgentTables.aligned(out.from(), Duration.ofMinutes(15)); t.isBefore(out.until()); t = t.plus(Duration.ofMinutes(15))) {
            for (String location : List.of("West Europe", "North Europe", "East US")) {
                boolean ok = rand.chance(0.985);
                out.emit(out.row().set("Name", "shop-home").set("Location", location).set("Success", ok)
                        .set("Message", ok ? "Passed" : "Request timed out after 120 seconds")
                        .set("DurationMs", ok ? Math.round(rand.logNormal(350, 0.4)) : 120000.0)
                        .set("Id", rand.uuid().toString()).set("RunLocation", location).set("ItemCount", 1)
                        .set("AppRoleName", "").set("Size", (double) Math.round(rand.logNormal(30000, 0.1))),
                        t.plus(rand.jitter(Duration.ofSeconds(30))), appResource(out.ctx()));
            }
        }
    }

    /** Logs of the order-export function app: invocations succeed, a few fail. */
    static void functionAppLogs(Emitter out, Rand rand) {
        String resource = out.ctx().resourceId("Microsoft.Web/sites", "rg-web", "func-order-export");
        for (Instant t = AgentTables.aligned(out.from(), Duration.ofMinutes(30)); t.isBefore(out.until()); t = t.plus(Duration.ofMinutes(30))) {
            String invocation = rand.uuid().toString();
            boolean ok = rand.chance(0.96);
            Instant at = t.plus(rand.jitter(Duration.ofSeconds(5)));
            out.emit(functionRow(out.row(), invocation, "Information", "Executing 'Functions.ExportOrders' (Reason='Timer fired at "
                                                                      + at + "', Id=" + invocation + ")"), at, resource);
            out.emit(functionRow(out.row(), invocation, ok ? "Information" : "Error",
                    ok ? "Executed 'Functions.ExportOrders' (Succeeded, Id=" + invocation + ", Duration=" + rand.between(300, 2500) + "ms)"
                            : "Executed 'Functions.ExportOrders' (Failed, Id=" + invocation + ", Duration=30000ms)")
                    .set("ExceptionType", ok ? "" : "System.TimeoutException")
                    .set("ExceptionMessage", ok ? "" : "The operation has timed out."), at.plusSeconds(2), resource);
        }
    }

    private static RowBuilder functionRow(RowBuilder row, String invocation, String level, String message) {
        return row.set("FunctionName", "ExportOrders").set("FunctionInvocationId", invocation).set("Level", level)
                .set("LevelId", level.equals("Error") ? 4 : 2).set("Message", message).set("Category", "Function.ExportOrders")
                .set("HostInstanceId", "5d3c1b2a-9f8e-4d7c-b6a5-4f3e2d1c0b9a").set("HostVersion", "4.1036.1.23224")
                .set("AppName", "func-order-export").set("RoleInstance", "pd1sdwk0000XY").set("ProcessId", 6084);
    }
}

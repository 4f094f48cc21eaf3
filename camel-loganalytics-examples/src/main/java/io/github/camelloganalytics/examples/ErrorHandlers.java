package io.github.camelloganalytics.examples;

import io.github.camelloganalytics.error.InvalidTokenAudienceException;
import io.github.camelloganalytics.error.LogAnalyticsException;
import io.github.camelloganalytics.error.QuerySyntaxException;
import io.github.camelloganalytics.error.ThrottledException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * The error handling every example route shares, as in {@code routes/on-exception.yaml} and
 * {@code routes/on-exception.xml}: each documented error reaches its own {@code onException} as its own class.
 */
public class ErrorHandlers extends RouteConfigurationBuilder {

    @Override
    public void configuration() {
        routeConfiguration()
                .onException(QuerySyntaxException.class)
                    .handled(true)
                    .log(LoggingLevel.WARN, "Bad KQL: ${exception.serviceMessage} (request id ${exception.requestId})")
                    .to("bean:summary?method=caught")
                .end()
                .onException(InvalidTokenAudienceException.class)
                    .handled(true)
                    .log(LoggingLevel.WARN, "The token is for ${exception.tokenAudience}; "
                            + "this API accepts ${exception.allowedAudiences}")
                    .to("bean:summary?method=caught")
                .end()
                // the component sets CamelRedeliveryDelay from Retry-After, so each redelivery waits as the service asks
                .onException(ThrottledException.class)
                    .maximumRedeliveries(3)
                    .redeliveryDelay(5000)
                    .retryAttemptedLogLevel(LoggingLevel.WARN)
                    .handled(true)
                    .log(LoggingLevel.WARN, "Still throttled after 3 redeliveries: ${exception.message}")
                    .to("bean:summary?method=caught")
                .end()
                // every other failure of a query (an expired token, no connection...): reported, not lost
                .onException(LogAnalyticsException.class)
                    .handled(true)
                    .log(LoggingLevel.WARN, "Query failed: ${exception.message}")
                    .to("bean:summary?method=failed")
                .end();
    }
}

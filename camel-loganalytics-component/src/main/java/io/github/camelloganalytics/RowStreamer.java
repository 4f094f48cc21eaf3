package io.github.camelloganalytics;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.camelloganalytics.result.Column;
import io.github.camelloganalytics.result.ResultTable;
import io.github.camelloganalytics.result.RowHandler;
import org.apache.camel.Exchange;

/**
 * Turns the rows of the primary table into exchanges while the response is read, one at a time. It holds back the
 * latest row until the next one arrives, so that the last row of a complete result can be marked
 * {@code CamelBatchComplete}; a result that turns out to be cut short never gets that mark.
 */
final class RowStreamer implements RowHandler {

    private final Supplier<Exchange> exchanges;
    private final Consumer<Exchange> dispatcher;
    private ResultTable shape;
    private Exchange held;
    private int index;

    /**
     * @param exchanges  makes an exchange with the poll's headers
     * @param dispatcher hands an exchange to the route and returns once the route is done with it; it throws to stop
     *                   the reading (the consumer is stopping, or a row failed and the window will be asked again)
     */
    RowStreamer(Supplier<Exchange> exchanges, Consumer<Exchange> dispatcher) {
        this.exchanges = exchanges;
        this.dispatcher = dispatcher;
    }

    @Override
    public boolean startTable(int tableIndex, String name, List<Column> columns) {
        if (tableIndex != 0) {
            return false;
        }
        shape = new ResultTable(name, columns, List.of());
        return true;
    }

    @Override
    public void row(Object[] values) {
        Map<String, Object> row = shape.rowAsMap(values);
        Exchange exchange = exchanges.get();
        exchange.getMessage().setBody(row);
        exchange.setProperty(Exchange.BATCH_INDEX, index++);
        exchange.setProperty(Exchange.BATCH_COMPLETE, false);
        Exchange previous = held;
        held = exchange;
        if (previous != null) {
            dispatcher.accept(previous);
        }
    }

    /** @return how many rows the service's answer held (those sent to the route and the one held back) */
    int streamed() {
        return index;
    }

    /**
     * The result was complete: the held-back row goes out as the last of the batch.
     *
     * @param  lastHeaders headers for the last exchange only (a partial error that was accepted), or an empty map
     * @return             how many rows were delivered
     */
    int finish(Map<String, Object> lastHeaders) {
        if (held != null) {
            held.setProperty(Exchange.BATCH_SIZE, index);
            held.setProperty(Exchange.BATCH_COMPLETE, true);
            held.getMessage().getHeaders().putAll(lastHeaders);
            Exchange last = held;
            held = null;
            dispatcher.accept(last);
        }
        return index;
    }

    /**
     * The result was not complete, or delivery stopped: the held-back row is dropped (handed to {@code discard},
     * which releases it), so no exchange says the batch is complete.
     *
     * @param  discard takes the held-back exchange, which never reached the route
     * @return         how many rows had been handed to the route before
     */
    int abandon(Consumer<Exchange> discard) {
        int delivered = held != null ? index - 1 : index;
        if (held != null) {
            discard.accept(held);
            held = null;
        }
        return Math.max(0, delivered);
    }
}

package io.github.camelloganalytics.testkit.load;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 writes it: comma-separated fields, fields in double quotes may hold commas, line breaks and
 * doubled quotes; CRLF or LF line ends; a UTF-8 byte order mark is skipped.
 */
final class CsvReader {

    private final Reader in;
    private int line = 1;
    private int peeked = -2;

    CsvReader(Reader in) {
        this.in = in;
    }

    /** @return the line the next record starts on (from 1) */
    int line() {
        return line;
    }

    /**
     * @return             the next record's fields, or null at the end
     * @throws IOException when reading fails or a quoted field is not closed
     */
    List<String> next() throws IOException {
        int c = read();
        if (c == '\uFEFF' && line == 1) {
            c = read();
        }
        while (c == '\r' || c == '\n') { // blank lines carry no record
            if (c == '\n') {
                line++;
            }
            c = read();
        }
        if (c == -1) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int start = line;
        while (true) {
            if (c == '"' && field.length() == 0) {
                while (true) {
                    c = read();
                    if (c == -1) {
                        throw new IOException("a quoted field opened on line " + start + " is not closed");
                    }
                    if (c == '"') {
                        c = read();
                        if (c != '"') {
                            break;
                        }
                    }
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                c = read();
                continue;
            }
            if (c == '\r') {
                c = read();
                if (c != '\n' && c != -1) {
                    unread(c);
                }
                c = '\n';
            }
            if (c == '\n' || c == -1) {
                fields.add(field.toString());
                if (c == '\n') {
                    line++;
                }
                return fields;
            }
            field.append((char) c);
            c = read();
        }
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        peeked = c;
    }
}

package io.github.camelloganalytics.result;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * What one read keeps from cell to cell, so that values repeated down a result cost no new objects: short strings (a
 * result's {@code Computer}, {@code Category} or {@code ResourceId} column holds a few distinct values in many rows,
 * and its dynamic values repeat their keys) and the day of the last datetime (a result's datetimes mostly fall on a
 * few days). A large result kept in memory then holds each repeated value once, which is less for the garbage
 * collector to copy as well as less to allocate.
 * <p>
 * Hand-written for docs/performance.md's figure ("What was done for the floor target", ROWS at 100,000 rows): bytes
 * allocated per row from 1,071 to 967, 114 ms. No library value pool fits a per-read cache keyed by a char range.
 * <p>
 * One per read; not thread-safe.
 */
final class ValueCache {

    /** Strings up to this length are shared; longer ones are rarely repeated and cost more to compare. */
    static final int MAX_SHARED_LENGTH = 32;
    /** Direct-mapped: a slot holds the last string that hashed to it, so a miss costs one comparison. */
    private static final int SLOTS = 512;

    /** Null when strings are not shared. */
    private final String[] strings;
    /** The characters of each cached string, to compare with an intrinsic instead of char by char. */
    private final char[][] characters;
    private LocalDate lastDate;
    private EmbeddedJson embeddedJson;

    /** A cache for the cells of one read. */
    ValueCache() {
        this(true);
    }

    /**
     * @param shareStrings false for a single cell read on its own, where a table of strings would cost more than it
     *                     could save
     */
    ValueCache(boolean shareStrings) {
        strings = shareStrings ? new String[SLOTS] : null;
        characters = shareStrings ? new char[SLOTS][] : null;
    }

    /**
     * The characters as a String, the same instance as last time when they were seen recently.
     *
     * @param  c   the buffer
     * @param  off where the characters start
     * @param  len how many; any length, though only short strings are worth asking for
     * @return     a String of them
     */
    String string(char[] c, int off, int len) {
        if (strings == null) {
            return new String(c, off, len);
        }
        int hash = 0;
        for (int i = off, end = off + len; i < end; i++) {
            hash = 31 * hash + c[i];
        }
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        char[] cached = characters[slot];
        if (cached != null && Arrays.equals(cached, 0, cached.length, c, off, off + len)) {
            return strings[slot];
        }
        String s = new String(c, off, len);
        strings[slot] = s;
        characters[slot] = Arrays.copyOfRange(c, off, off + len);
        return s;
    }

    /**
     * The date, the same instance as the last one asked for when it is the same day.
     *
     * @throws java.time.DateTimeException when the fields are not a date
     */
    LocalDate date(int year, int month, int day) {
        LocalDate last = lastDate;
        if (last != null && last.getDayOfMonth() == day && last.getMonthValue() == month && last.getYear() == year) {
            return last;
        }
        last = LocalDate.of(year, month, day);
        lastDate = last;
        return last;
    }

    /** @return the reader for JSON inside dynamic strings, sharing this cache's strings */
    EmbeddedJson embeddedJson() {
        if (embeddedJson == null) {
            embeddedJson = new EmbeddedJson(this);
        }
        return embeddedJson;
    }
}

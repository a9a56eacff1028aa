package com.intellivision.console.pool;

import com.intellivision.console.job.JobQuery;
import com.intellivision.console.job.JobStatus;
import com.intellivision.console.job.JobType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A full-text index (SQLite FTS5) of a table of jobs, one row of text per job under the job's rowid,
 * kept in step by triggers, and the statements that search it. The local pool's store and the store
 * of remote jobs each have one.
 *
 * <p>The index is an FTS5 table with content of its own, not an external-content or a contentless
 * one. It keeps a second copy of a few short texts per job (about 110 bytes a job), and in exchange a
 * job's text is replaced knowing its rowid alone. An external-content table must be told the old
 * text exactly when a row goes, or it is silently corrupted, and the text is not the table's columns
 * (type names, workers from another table, fields of JSON); a contentless table can delete rows only
 * with SQLite 3.43 or later, and the triggers would make an older console fail to write the file.
 * The triggers keep the index right whoever writes the file, even a console that knows nothing of
 * it, within the transaction of each change.
 *
 * <p>{@link #prepare} makes the index when it is missing, and makes it again, filled from the table,
 * when its definition (columns, tokenizer, triggers) is not the one it finds: so a file written
 * before there was an index, or by a console that indexed other text, gets this one on opening.
 */
public final class FullTextIndex {

    /**
     * Letters are folded to their lower case and stripped of accents; everything but letters and
     * numbers separates words, as {@link JobQuery#words()} separates them.
     */
    private static final String TOKENIZER = "unicode61 remove_diacritics 2";

    private final String name;
    private final String table;
    private final String key;
    private final Map<String, String> columns;
    private final Map<String, String> reindexedAfter;

    private FullTextIndex(String name, String table, String key, Map<String, String> columns, Map<String, String> reindexedAfter) {
        this.name = name;
        this.table = table;
        this.key = key;
        this.columns = new LinkedHashMap<>(columns);
        this.reindexedAfter = new LinkedHashMap<>(reindexedAfter);
    }

    /**
     * The index of what a search looks in, per job, in {@code table}: its id, its link or path, its type's
     * wire name and the name people see, its status, its error and its worker or task.
     *
     * @param name the FTS5 table's name; its triggers are named after it
     * @param key the column of {@code table} whose value is a job's rowid in the index
     * @param text each of those as an SQL expression over a row of {@code table}
     */
    public static FullTextIndex ofJobs(String name, String table, String key, JobText text) {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("job_id", text.id());
        columns.put("source", text.source());
        columns.put("kind", typeNames(text.typeWireName()));
        columns.put("status", text.status());
        columns.put("error", text.error());
        columns.put("worker", text.worker());
        return new FullTextIndex(name, table, key, columns, Map.of());
    }

    /** SQL expressions for the text of a job, over a row of its table; see {@link #ofJobs}. */
    public record JobText(String id, String source, String typeWireName, String status, String error, String worker) {}

    /**
     * The same index, which makes the text of the job {@code jobKey} again after {@code event}: a trigger
     * event such as {@code UPDATE OF status ON jobs}, with the expression of the job's key in that
     * trigger, such as {@code new.id}. A row deleted from the table leaves the index without one.
     */
    public FullTextIndex reindexedAfter(String event, String jobKey) {
        FullTextIndex more = new FullTextIndex(name, table, key, columns, reindexedAfter);
        more.reindexedAfter.put(event, jobKey);
        return more;
    }

    /**
     * Indexes the jobs added since {@code indexedUpTo} (keys increase as jobs are added) that a trigger
     * has not indexed already, for an index whose inserts are not kept by a trigger; returns the key up
     * to which every job is indexed now. The first call, from 0, also finds what another console added.
     */
    public long catchUp(Connection connection, long indexedUpTo) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(insertText() + " FROM " + table + " WHERE " + key + " > ? AND " + key
                + " NOT IN (SELECT rowid FROM " + name + " WHERE rowid > ?)");
                PreparedStatement newest = connection.prepareStatement("SELECT coalesce(max(" + key + "), 0) FROM " + table)) {
            insert.setLong(1, indexedUpTo);
            insert.setLong(2, indexedUpTo);
            insert.executeUpdate();
            try (ResultSet max = newest.executeQuery()) {
                return max.next() ? Math.max(indexedUpTo, max.getLong(1)) : indexedUpTo;
            }
        }
    }

    /** The FTS5 table, to join with the table of jobs on its rowid. */
    public String name() {
        return name;
    }

    /**
     * Makes the index, or makes it again and fills it from the table when what the file holds is not
     * this definition. A file another process is preparing at the same moment is waited for.
     */
    public void prepare(Connection connection) throws SQLException {
        List<String> wanted = definition();
        try (Statement statement = connection.createStatement()) {
            if (existing(statement).equals(wanted)) {
                return;
            }
            statement.execute("BEGIN IMMEDIATE");
            try {
                List<String> found = existing(statement);
                if (!found.equals(wanted)) {
                    for (String trigger : triggerNames(statement)) {
                        statement.execute("DROP TRIGGER " + trigger);
                    }
                    statement.execute("DROP TABLE IF EXISTS " + name);
                    statement.execute(wanted.get(0));
                    statement.execute(insertText() + " FROM " + table);
                    for (String trigger : wanted.subList(1, wanted.size())) {
                        statement.execute(trigger);
                    }
                }
                statement.execute("COMMIT");
            } catch (SQLException | RuntimeException failed) {
                statement.execute("ROLLBACK");
                throw failed;
            }
        }
    }

    /** The index's table, then its triggers, as SQLite keeps their statements. */
    private List<String> definition() {
        List<String> statements = new ArrayList<>();
        // No column sizes: they serve ranking (bm25), and searches list the newest first.
        statements.add("CREATE VIRTUAL TABLE " + name + " USING fts5(" + String.join(", ", columns.keySet()) + ", tokenize = '" + TOKENIZER
                + "', columnsize = 0)");
        int number = 0;
        for (Map.Entry<String, String> after : reindexedAfter.entrySet()) {
            statements.add("CREATE TRIGGER " + name + "_" + ++number + " AFTER " + after.getKey() + " BEGIN\n"
                    + "  DELETE FROM " + name + " WHERE rowid = " + after.getValue() + ";\n"
                    + "  " + insertText() + " FROM " + table + " WHERE " + key + " = " + after.getValue() + ";\nEND");
        }
        statements.add("CREATE TRIGGER " + name + "_" + ++number + " AFTER DELETE ON " + table + " BEGIN\n"
                + "  DELETE FROM " + name + " WHERE rowid = old." + key + ";\nEND");
        return statements;
    }

    private String insertText() {
        return "INSERT INTO " + name + " (rowid, " + String.join(", ", columns.keySet()) + ") SELECT " + key + ", "
                + String.join(", ", columns.values());
    }

    private List<String> existing(Statement statement) throws SQLException {
        List<String> found = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("SELECT sql FROM sqlite_master WHERE name = '" + name + "' AND type = 'table'")) {
            while (rows.next()) {
                found.add(rows.getString(1));
            }
        }
        try (ResultSet rows = statement.executeQuery("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name GLOB '" + name
                + "_[0-9]*' ORDER BY CAST(substr(name, " + (name.length() + 2) + ") AS INTEGER)")) {
            while (rows.next()) {
                found.add(rows.getString(1));
            }
        }
        return found;
    }

    private List<String> triggerNames(Statement statement) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name GLOB '" + name + "_[0-9]*'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    /**
     * The statement that answers {@code query} from the table, newest first, and its arguments. With
     * words it matches them in the index and joins the jobs it finds; with only filters it reads the
     * table alone, through the table's own indexes.
     *
     * @param scope a condition every job must meet besides the query's, such as being of one
     *     deployment, or null
     */
    public Select select(JobQuery query, JobColumns row, String scope, Object... scopeArguments) {
        List<String> conditions = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        String from = table;
        String newestFirst = row.newestFirst();
        if (query.hasWords()) {
            // CROSS JOIN keeps the index the outer loop: where newer jobs have higher keys its rowid order
            // answers ORDER BY, and LIMIT stops the search early.
            from = name + " CROSS JOIN " + table + " ON " + table + "." + key + " = " + name + ".rowid";
            newestFirst = row.newestHaveHighestKeys() ? name + ".rowid DESC" : newestFirst;
            conditions.add(name + " MATCH ?");
            arguments.add(match(query));
        }
        if (scope != null) {
            conditions.add(scope);
            arguments.addAll(List.of(scopeArguments));
        }
        if (!query.statuses().isEmpty()) {
            conditions.add(in(row.status(), query.statuses().size()));
            query.statuses().stream().map(JobStatus::wireName).forEach(arguments::add);
        }
        if (!query.types().isEmpty()) {
            conditions.add(in(row.type(), query.types().size()));
            query.types().stream().map(JobType::wireName).forEach(arguments::add);
        }
        if (query.deadLettersOnly()) {
            conditions.add(row.deadLetter());
        }
        arguments.add(query.limit());
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return new Select("SELECT " + row.selected() + " FROM " + from + where + " ORDER BY " + newestFirst + " LIMIT ?", arguments.toArray());
    }

    /**
     * How a query reads a row of the table of jobs.
     *
     * @param selected what a search returns of each job
     * @param status the job's status's wire name
     * @param type the job's type's wire name
     * @param deadLetter a condition true of a dead letter
     * @param newestFirst the ORDER BY that lists the newest first
     * @param newestHaveHighestKeys whether a newer job always has a higher key, so the index's rowid order is newest first too
     */
    public record JobColumns(String selected, String status, String type, String deadLetter, String newestFirst, boolean newestHaveHighestKeys) {}

    /** An SQL statement and its arguments. */
    public record Select(String sql, Object[] arguments) {}

    /**
     * The FTS5 expression for the query's words: each word a phrase of its pieces, the last piece a
     * prefix, all words required. The pieces have only letters, digits and marks (see
     * {@link JobQuery#words()}), and each phrase is quoted, so nothing people type is read as FTS5
     * syntax ({@code NEAR}, {@code OR}, {@code col:}, {@code -}, {@code ^}, brackets, quotes, stars).
     */
    static String match(JobQuery query) {
        return query.words().stream().map(word -> "\"" + String.join(" ", word) + "\"*").collect(Collectors.joining(" "));
    }

    /** An SQL expression for the wire name and the name people see of the job type {@code wireName}. */
    private static String typeNames(String wireName) {
        StringBuilder names = new StringBuilder("(" + wireName + " || ' ' || CASE " + wireName);
        for (JobType type : JobType.values()) {
            names.append(" WHEN ").append(literal(type.wireName())).append(" THEN ").append(literal(type.displayName()));
        }
        return names.append(" ELSE '' END)").toString();
    }

    private static String in(String column, int count) {
        return column + " IN (" + String.join(", ", Collections.nCopies(count, "?")) + ")";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}

package com.intellivision.console.pool;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The store's statements with their arguments bound in order, for the classes that share its connection. */
final class Statements {

    private Statements() {}

    static PreparedStatement prepare(Connection connection, String sql, Object... arguments) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < arguments.length; i++) {
            statement.setObject(i + 1, arguments[i]);
        }
        return statement;
    }

    /** Runs an INSERT, UPDATE or DELETE; a failure becomes the store's own exception. */
    static void update(Connection connection, String sql, Object... arguments) {
        try (PreparedStatement statement = prepare(connection, sql, arguments)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new JobStore.StoreException(e);
        }
    }
}

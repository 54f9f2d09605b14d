package org.civicdesk.platform.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;

/**
 * Bucket4j's token buckets kept in the {@code rate_limit_bucket} table, so that every node of a
 * city counts the same buckets. Bucket4j's own PostgreSQL proxy-managers do not run on H2, which the
 * embedded setup and half the tests use: the advisory-lock one calls {@code pg_advisory_xact_lock},
 * the select-for-update one inserts with {@code ON CONFLICT (id) DO NOTHING}, which H2 refuses. This
 * is the same select-for-update protocol (Bucket4j's generic base class does the bucket arithmetic
 * and the retries) in SQL both databases run: a bucket's row is locked while its state is read and
 * written back, and a missing row is inserted in a transaction of its own, a losing racer's
 * duplicate key simply meaning "try again".
 */
class DatabaseBuckets extends AbstractSelectForUpdateBasedProxyManager<String> {

    private final DataSource dataSource;
    private final ExpirationAfterWriteStrategy expiry;

    /** @param keep how long a full bucket's row is kept after its last write */
    DatabaseBuckets(DataSource dataSource, Duration keep) {
        this(dataSource, ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(keep));
    }

    private DatabaseBuckets(DataSource dataSource, ExpirationAfterWriteStrategy expiry) {
        super(ClientSideConfig.getDefault().withExpirationAfterWriteStrategy(expiry));
        this.dataSource = dataSource;
        this.expiry = expiry;
    }

    /** Deletes the rows of buckets that have been full for long enough; whichever node runs it, once is enough. */
    int removeExpired() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM rate_limit_bucket WHERE expires_at < ?")) {
            delete.setLong(1, System.currentTimeMillis());
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not remove expired rate-limit buckets", e);
        }
    }

    @Override
    protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
        return new Transaction(key);
    }

    @Override
    public void removeProxy(String key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM rate_limit_bucket WHERE id = ?")) {
            delete.setString(1, key);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not remove rate-limit bucket " + key, e);
        }
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    private final class Transaction implements SelectForUpdateBasedTransaction {

        private final String key;
        private Connection connection;

        Transaction(String key) {
            this.key = key;
        }

        @Override
        public void begin(Optional<Long> timeoutNanos) {
            jdbc(() -> {
                connection = dataSource.getConnection();
                connection.setAutoCommit(false);
            });
        }

        @Override
        public LockAndGetResult tryLockAndGet(Optional<Long> timeoutNanos) {
            try (PreparedStatement select = connection
                    .prepareStatement("SELECT state FROM rate_limit_bucket WHERE id = ? FOR UPDATE")) {
                applyTimeout(select, timeoutNanos);
                select.setString(1, key);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? LockAndGetResult.locked(rs.getBytes("state")) : LockAndGetResult.notLocked();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public boolean tryInsertEmptyData(Optional<Long> timeoutNanos) {
            try (PreparedStatement insert = connection
                    .prepareStatement("INSERT INTO rate_limit_bucket (id, state) VALUES (?, NULL)")) {
                applyTimeout(insert, timeoutNanos);
                insert.setString(1, key);
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    return false;
                }
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void update(byte[] data, RemoteBucketState newState, Optional<Long> timeoutNanos) {
            try (PreparedStatement update = connection
                    .prepareStatement("UPDATE rate_limit_bucket SET state = ?, expires_at = ? WHERE id = ?")) {
                applyTimeout(update, timeoutNanos);
                long nanos = currentTimeNanos();
                update.setBytes(1, data);
                update.setLong(2, nanos / 1_000_000 + expiry.calculateTimeToLiveMillis(newState, nanos));
                update.setString(3, key);
                update.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void commit(Optional<Long> timeoutNanos) {
            jdbc(connection::commit);
        }

        @Override
        public void rollback() {
            jdbc(connection::rollback);
        }

        @Override
        public void release() {
            jdbc(connection::close);
        }
    }

    private static void jdbc(SqlAction action) {
        try {
            action.run();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface SqlAction {
        void run() throws SQLException;
    }
}

package org.civicdesk.platform.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.civicdesk.shared.Changes;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link Changes} across app nodes through PostgreSQL's LISTEN/NOTIFY. A change sends a notice inside
 * its own transaction, which PostgreSQL delivers to every listening node only if and when that
 * transaction commits; the node that made it counts the change up itself right after the commit.
 * Each node listens on one connection of its own, outside the pool. While that connection is down,
 * and until it listens again, {@link #version} gives a new number on every call, so that nothing kept
 * is used. On the embedded H2 database there is only ever one node, and counting up after the commit
 * is all it takes.
 */
@Component
class DatabaseChanges implements Changes, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DatabaseChanges.class);
    private static final String CHANNEL = "civicdesk_changes";

    private final JdbcClient jdbc;
    private final String url;
    private final String username;
    private final String password;
    private final boolean postgres;
    private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();
    private volatile boolean listening;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread listener;

    DatabaseChanges(JdbcClient jdbc, @Value("${spring.datasource.url:}") String url,
            @Value("${spring.datasource.username:}") String username,
            @Value("${spring.datasource.password:}") String password) {
        this.jdbc = jdbc;
        this.url = url;
        this.username = username;
        this.password = password;
        this.postgres = url.startsWith("jdbc:postgresql:");
    }

    @Override
    public void changed(String topic) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            notifyOthers(topic);
            bump(topic);
            return;
        }
        String key = CHANNEL + ":" + topic;
        if (TransactionSynchronizationManager.hasResource(key)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(key, Boolean.TRUE);
        notifyOthers(topic);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
                if (status == STATUS_COMMITTED) {
                    bump(topic);
                }
            }
        });
    }

    @Override
    public long version(String topic) {
        AtomicLong version = counter(topic);
        return postgres && !listening ? version.incrementAndGet() : version.get();
    }

    /** PostgreSQL queues the notice with the transaction and drops it if the transaction rolls back. */
    private void notifyOthers(String topic) {
        if (postgres) {
            jdbc.sql("SELECT pg_notify(:channel, :topic)").param("channel", CHANNEL).param("topic", topic)
                    .query().singleRow();
        }
    }

    private void bump(String topic) {
        counter(topic).incrementAndGet();
    }

    private void bumpAll() {
        versions.values().forEach(AtomicLong::incrementAndGet);
    }

    private AtomicLong counter(String topic) {
        return versions.computeIfAbsent(topic, t -> new AtomicLong());
    }

    private void listen() {
        while (running) {
            try (Connection c = DriverManager.getConnection(url, username, password)) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                // Whatever changed while no one listened is unknown: count every topic up.
                listening = true;
                bumpAll();
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notices = pg.getNotifications(5000);
                    if (notices != null && notices.length > 0) {
                        for (PGNotification notice : notices) {
                            bump(notice.getParameter());
                        }
                    } else {
                        // A quiet connection may be a dead one: ask, so that a broken one fails here.
                        try (Statement s = c.createStatement()) {
                            s.execute("SELECT 1");
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                bumpAll();
                if (running) {
                    log.warn("Not listening for changes from other nodes, so nothing kept is used until it "
                            + "listens again: {}", e.getMessage());
                    sleep();
                }
            } finally {
                listening = false;
                connection = null;
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        if (postgres) {
            listener = new Thread(this::listen, "civicdesk-changes");
            listener.setDaemon(true);
            listener.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        listening = false;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
        if (listener != null) {
            listener.interrupt();
            listener = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}

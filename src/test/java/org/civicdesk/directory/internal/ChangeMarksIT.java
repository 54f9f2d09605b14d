package org.civicdesk.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;

import org.civicdesk.directory.AccountCredentials;
import org.civicdesk.directory.Directory;
import org.civicdesk.directory.TokenHolders;
import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The marks behind read-your-writes: written in the change's transaction, read with the token. */
@IntegrationTest
class ChangeMarksIT {

    @Autowired
    Api api;

    @Autowired
    Directory directory;

    @Autowired
    TokenHolders tokenHolders;

    @Autowired
    DirectoryService service;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aChangeMarkIsReadWithTheTokenAndOnItsOwn() throws Exception {
        Api.Account writer = api.account("RAISER", null);
        Api.Account other = api.account("RAISER", null);
        long id = credentials(writer).id();
        Instant before = clock.instant().minusSeconds(1);
        assertThat(credentials(writer).lastChange().since(before)).isFalse();

        tx.executeWithoutResult(s -> directory.noteChange(id));

        assertThat(credentials(writer).lastChange().since(before)).isTrue();
        assertThat(directory.lastChange(id).since(before)).isTrue();
        assertThat(directory.lastChange(id).since(clock.instant().plusSeconds(5))).isFalse();
        assertThat(credentials(other).lastChange().since(before)).isFalse();
        assertThat(directory.lastChange(credentials(other).id()).at()).isNull();
    }

    @Test
    void aMarkIsOnlyWrittenInTheChangesOwnTransaction() throws Exception {
        long id = credentials(api.account("RAISER", null)).id();
        assertThatThrownBy(() -> directory.noteChange(id)).isInstanceOf(IllegalTransactionStateException.class);
        Instant before = clock.instant().minusSeconds(1);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            directory.noteChange(id);
            throw new IllegalStateException("the change failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(directory.lastChange(id).since(before)).isFalse();
    }

    @Test
    void marksOlderThanAnyStalenessAndSkewAreCleared() throws Exception {
        long id = credentials(api.account("RAISER", null)).id();
        OffsetDateTime now = OffsetDateTime.now(clock);
        insertMark(id, now.minus(DirectoryService.CHANGE_MARKS_KEPT).minusSeconds(1));
        insertMark(id, now.minus(DirectoryService.CHANGE_MARKS_KEPT).plusSeconds(30));
        service.clearOldChangeMarks();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM account_change WHERE account_id = :a").param("a", id)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(Duration.between(directory.lastChange(id).at(), now.toInstant()))
                .isLessThan(DirectoryService.CHANGE_MARKS_KEPT);
    }

    private void insertMark(long id, OffsetDateTime at) throws DataAccessException {
        jdbc.sql("INSERT INTO account_change (account_id, at) VALUES (:a, :at)").param("a", id).param("at", at)
                .update();
    }

    private AccountCredentials credentials(Api.Account account) throws Exception {
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(account.token().getBytes(StandardCharsets.UTF_8)));
        return tokenHolders.holder(hash, OffsetDateTime.now(clock)).orElseThrow();
    }
}

package org.civicdesk.matters.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.civicdesk.matters.MatterId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 附议邀请 — the invitations to co-sign a matter, kept beside the matter with the invitee's answer.
 * An invitation is kept for whatever name the raiser gives, so that raising a matter answers the
 * same whether or not such an account exists; only a RAISER account ever sees or answers one. Names
 * are kept in lower case, since usernames are unique whatever their case: an invitation to "Zhang"
 * reaches the account "zhang".
 */
@Component
class CosignInvitations {

    /** Where an invitation stands: not yet answered, or accepted (附议) or declined. */
    enum State {
        INVITED, ACCEPTED, DECLINED
    }

    /** An open invitation as its invitee sees it: what the matter is and who raised it, not yet what it says. */
    record Invitation(long matterId, String title, String raiser, OffsetDateTime invitedAt) {
    }

    /** An invitation as the matter's raiser sees it: the name as the raiser gave it, and its answer. */
    record Sent(String username, State state, OffsetDateTime invitedAt, OffsetDateTime answeredAt) {
    }

    private final JdbcClient jdbc;

    CosignInvitations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void invite(MatterId matter, Collection<String> usernames, String by, OffsetDateTime at) {
        for (String username : usernames.stream().map(CosignInvitations::key).distinct().toList()) {
            jdbc.sql("""
                    INSERT INTO matter_cosign_invitation (matter_id, username, invited_by, invited_at)
                    VALUES (:m, :u, :by, :at)""").param("m", matter.value()).param("u", username)
                    .param("by", by).param("at", at).update();
        }
    }

    /**
     * Records the invitee's answer to an open invitation, and tells whether there was one: a second
     * answer, even one racing the first, finds none.
     */
    boolean answer(MatterId matter, String username, State answer, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE matter_cosign_invitation SET state = :s, answered_at = :at
                WHERE matter_id = :m AND username = :u AND state = 'INVITED'""")
                .param("s", answer.name()).param("at", at).param("m", matter.value()).param("u", key(username))
                .update() > 0;
    }

    /** The open invitations addressed to the username, newest first. */
    List<Invitation> of(String username) {
        return jdbc.sql("""
                SELECT i.matter_id, m.title, m.raiser, i.invited_at FROM matter_cosign_invitation i
                JOIN matter m ON m.id = i.matter_id WHERE i.username = :u AND i.state = 'INVITED'
                ORDER BY i.invited_at DESC, i.matter_id DESC""")
                .param("u", key(username))
                .query((rs, n) -> new Invitation(rs.getLong("matter_id"), rs.getString("title"),
                        rs.getString("raiser"), rs.getObject("invited_at", OffsetDateTime.class)))
                .list();
    }

    long openCount(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM matter_cosign_invitation WHERE username = :u AND state = 'INVITED'")
                .param("u", key(username)).query(Long.class).single();
    }

    /** The invitations sent for a matter, in the order of their names. */
    List<Sent> sentFor(MatterId matter) {
        return jdbc.sql("""
                SELECT username, state, invited_at, answered_at FROM matter_cosign_invitation
                WHERE matter_id = :m ORDER BY username""")
                .param("m", matter.value())
                .query((rs, n) -> new Sent(rs.getString("username"), State.valueOf(rs.getString("state")),
                        rs.getObject("invited_at", OffsetDateTime.class),
                        rs.getObject("answered_at", OffsetDateTime.class)))
                .list();
    }

    private static String key(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }
}

package org.civicdesk.matters.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import org.civicdesk.matters.MatterId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 附议邀请 — the invitations to co-sign a matter, kept beside the matter until the invitee accepts
 * or declines. An invitation is kept for whatever name the raiser gives, so that raising a matter
 * answers the same whether or not such an account exists; only a RAISER account ever sees or
 * accepts one.
 */
@Component
class CosignInvitations {

    /** An invitation as its invitee sees it: what the matter is, not yet what it says. */
    record Invitation(long matterId, String title, OffsetDateTime invitedAt) {
    }

    private final JdbcClient jdbc;

    CosignInvitations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void invite(MatterId matter, Collection<String> usernames, String by, OffsetDateTime at) {
        for (String username : usernames) {
            jdbc.sql("""
                    INSERT INTO matter_cosign_invitation (matter_id, username, invited_by, invited_at)
                    VALUES (:m, :u, :by, :at)""").param("m", matter.value()).param("u", username)
                    .param("by", by).param("at", at).update();
        }
    }

    /** Removes the invitation, and tells whether there was one. */
    boolean remove(MatterId matter, String username) {
        return jdbc.sql("DELETE FROM matter_cosign_invitation WHERE matter_id = :m AND username = :u")
                .param("m", matter.value()).param("u", username).update() > 0;
    }

    List<Invitation> of(String username) {
        return jdbc.sql("""
                SELECT i.matter_id, m.title, i.invited_at FROM matter_cosign_invitation i
                JOIN matter m ON m.id = i.matter_id WHERE i.username = :u ORDER BY i.invited_at DESC""")
                .param("u", username)
                .query((rs, n) -> new Invitation(rs.getLong("matter_id"), rs.getString("title"),
                        rs.getObject("invited_at", OffsetDateTime.class)))
                .list();
    }
}

package org.civicdesk.matters;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * 群众诉求 as the public may read them: residents' appeals that are not confidential, with the copies of
 * their text whose contact details are removed ({@link org.civicdesk.shared.Redactor}) and never who raised
 * them. For the public map of reports and for other city systems (Open311).
 */
public interface ReportedAppeals {

    /**
     * One appeal. Instants are in the city's time zone.
     *
     * @param updatedAt when anything last happened to it (its closing, for a closed one)
     * @param expectedAt the end of the day its answer is due (the lead department's working-day deadline, or
     *        the one it would get if assigned today); null once it is closed or rejected
     * @param agencies the names of the departments handling it, lead first
     * @param answer the latest published answer, if any
     */
    record ReportedAppeal(long id, MatterStatus status, String title, String description, String category,
            OffsetDateTime raisedAt, OffsetDateTime updatedAt, OffsetDateTime expectedAt, List<String> agencies,
            String answer, BigDecimal lat, BigDecimal lon, String address) {
    }

    /**
     * Which appeals, newest first: those of the ids if any are given (every other criterion is then ignored),
     * otherwise those of the categories (all when empty), raised in [from, to) (either open), in the
     * statuses (all when empty), located only if asked, at most {@code limit}.
     */
    record Query(List<Long> ids, List<String> categories, OffsetDateTime from, OffsetDateTime to,
            Set<MatterStatus> statuses, boolean locatedOnly, int limit) {

        public Query {
            ids = ids == null ? List.of() : List.copyOf(ids);
            categories = categories == null ? List.of() : List.copyOf(categories);
            statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        }
    }

    Optional<ReportedAppeal> appeal(MatterId id);

    List<ReportedAppeal> appeals(Query query);

    /** The working days within which an appeal is answered once assigned (the lead's time limit). */
    int answerWorkingDays();
}

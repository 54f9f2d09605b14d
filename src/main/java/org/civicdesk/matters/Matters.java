package org.civicdesk.matters;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The commands of matters handling, for the API, the pages and other modules (the demo city drives
 * them too). Each acts as the person signed in ({@link org.civicdesk.shared.Actor}) and is checked
 * exactly as the API checks it: a refused command throws a
 * {@link org.civicdesk.shared.ProblemException} and changes nothing. The records are the commands as
 * received; every field is checked.
 */
public interface Matters {

    /**
     * 提出 — raised by a RAISER for itself, or by staff for the named raiser.
     *
     * @param privacyNotice the version of the personal-information notice ({@link org.civicdesk.shared.PrivacyNotice})
     *        the raiser was shown where they raised it, if any; kept with the matter
     * @param lat where it is about, in WGS84 degrees, given together with {@code lon} or not at all
     * @param address where it is about, as written (an appeal shows it on the public map of reports)
     */
    record Raise(String type, String title, String content, String series, Long meetingId, String raiser,
            String category, String district, String channel, Boolean urgent, Boolean confidential,
            List<String> cosigners, String privacyNotice, BigDecimal lat, BigDecimal lon, String address) {

        /** A matter raised without saying where it is about. */
        public Raise(String type, String title, String content, String series, Long meetingId, String raiser,
                String category, String district, String channel, Boolean urgent, Boolean confidential,
                List<String> cosigners, String privacyNotice) {
            this(type, title, content, series, meetingId, raiser, category, district, channel, urgent, confidential,
                    cosigners, privacyNotice, null, null, null);
        }
    }

    /** 交办 — a lead with co-handlers, or several departments answering separately. */
    record Assign(String lead, List<String> co, List<String> separate, LocalDate dueDate) {
    }

    record Answer(String category, String text, String signedOffBy) {
    }

    record Text(String text) {
    }

    record Evaluation(String rating, String comment) {
    }

    record Reason(String reason) {
    }

    record Reassign(String orgCode, LocalDate dueDate) {
    }

    record Extension(LocalDate until, String reason) {
    }

    record Decision(Boolean grant, String note) {
    }

    record Contact(String method, String note) {
    }

    record FollowUp(String text, Boolean solved) {
    }

    record Merge(Long into) {
    }

    record Supervise(Boolean key, String leader) {
    }

    MatterId raise(Raise command);

    /**
     * Raises a made-up matter standing in for those a source only counts: it is marked as an example
     * (示例) wherever it shows.
     */
    MatterId raiseExample(Raise command);

    void accept(MatterId matter);

    void reject(MatterId matter, Reason command);

    void merge(MatterId matter, Merge command);

    List<CaseId> assign(MatterId matter, Assign command);

    CaseId reassign(CaseId returned, Reassign command);

    void sign(CaseId aCase);

    void giveBack(CaseId aCase, Reason command);

    void requestExtension(CaseId aCase, Extension command);

    void decideExtension(CaseId aCase, Decision command);

    void contact(CaseId aCase, Contact command);

    void sendOpinion(CaseId aCase, Text command);

    void answer(CaseId aCase, Answer command);

    void followUp(CaseId aCase, FollowUp command);

    MatterStatus rate(MatterId matter, Evaluation command);

    void closeUnrated(MatterId matter);

    void supervise(MatterId matter, Supervise command);

    void remind(CaseId aCase, Text command);

    /** Asks every answer of a series by one date, e.g. a congress session's suggestions by 30 June. */
    void setSeriesDeadline(String series, LocalDate dueDate);
}

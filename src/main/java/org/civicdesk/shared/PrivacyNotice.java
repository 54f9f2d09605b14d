package org.civicdesk.shared;

/**
 * 个人信息处理告知 — the notice every form that collects personal data shows, under the Personal
 * Information Protection Law (个人信息保护法, arts. 14, 17 and 35): who handles the data, for what,
 * which data, how long it is kept and how a person exercises their rights. Its text is in the
 * messages ({@code privacy.*}, shown by {@code templates/fragments/privacy.html}); what a person
 * agreed to is recorded by this version, so a later change of the text is never taken for what they
 * read. Change the version whenever the text changes in substance.
 */
public final class PrivacyNotice {

    /** The version of the notice the pages show now. */
    public static final String VERSION = "2026-11";

    private PrivacyNotice() {
    }
}

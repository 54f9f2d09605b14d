package org.civicdesk.directory;

import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;

/**
 * An organisation as other modules and the API see it. Its code is its stable public identifier.
 *
 * @param nameEn its English name (英文名称) where the city gives one, else {@code null}
 * @param external whether it lies outside the city (外地), such as a university or a company of
 *        another city that signs a deal with one of the city's; organisations belong to the city unless
 *        marked so
 */
public record OrgSummary(String code, String name, String nameEn, OrgKind kind, String parentCode, String district,
        boolean example, boolean external) {

    /** Its name for a reader of {@code locale}: the English one to an English reader where there is one. */
    public String name(Locale locale) {
        return nameEn != null && "en".equals(locale.getLanguage()) ? nameEn : name;
    }

    /**
     * Its name in the language of the page or API call being answered; Chinese outside a request (a
     * job, a message to someone), where no reader's language is known.
     */
    public String localName() {
        return LocaleContextHolder.getLocaleContext() == null ? name : name(LocaleContextHolder.getLocale());
    }
}

package org.civicdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every form that takes personal data shows the personal-information notice ({@link PrivacyNotice},
 * {@code fragments/privacy}) before its button: a form with a field for a person's name, number,
 * address or birth date; a matter or an appeal, which may say anything about its raiser; a booking,
 * which records who comes when; and an import of people.
 */
class PrivacyNoticeFormsTest {

    private static final Pattern FORM = Pattern.compile("<form\\b.*?</form>", Pattern.DOTALL);
    private static final Pattern PERSONAL = Pattern.compile(
            "field='(phone|email|birthDate|contact|donorName|applicantName|applicant|claimant|displayName)'"
                    + "|@\\{/directory/import\\}|/bookings\\(|@\\{/matters\\}\" method=\"post|@\\{/public/appeals\\}");
    private static final String NOTICE = "fragments/privacy :: notice";

    @Test
    void everyFormThatTakesPersonalDataShowsTheNotice() throws IOException {
        List<String> checked = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (Resource template : new PathMatchingResourcePatternResolver().getResources("classpath:templates/**/*.html")) {
            String html = template.getContentAsString(StandardCharsets.UTF_8);
            Matcher form = FORM.matcher(html);
            while (form.find()) {
                Matcher personal = PERSONAL.matcher(form.group());
                if (personal.find()) {
                    String where = template.getFilename() + " (" + personal.group() + ")";
                    checked.add(where);
                    if (!form.group().contains(NOTICE)) {
                        without.add(where);
                    }
                }
            }
        }
        assertThat(without).as("forms taking personal data without the notice").isEmpty();
        assertThat(checked).as("forms found").hasSizeGreaterThanOrEqualTo(16);
    }
}

package org.civicdesk.directory;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A mobile number (手机号) or an e-mail address a resident is reached at and signs in with, in the
 * one form it is stored and compared in: a mainland mobile number as its eleven digits, without
 * spaces, dashes or China's country code; an e-mail address in lower case.
 *
 * @param phone whether it is a mobile number (else an e-mail address)
 */
public record Contact(boolean phone, String value) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    /** The number or address as typed, if it is one; a number may have spaces, dashes and +86. */
    public static Optional<Contact> parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String text = typed.strip();
        if (text.contains("@")) {
            String email = text.toLowerCase(Locale.ROOT);
            return email.length() <= 254 && EMAIL.matcher(email).matches() ? Optional.of(new Contact(false, email))
                    : Optional.empty();
        }
        String digits = text.replaceAll("[\\s\\-()]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        return MOBILE.matcher(digits).matches() ? Optional.of(new Contact(true, digits)) : Optional.empty();
    }

    /**
     * The username to look an account up by for what somebody typed to sign in: a mobile number in
     * any form {@link #parse} takes ({@code +86 138…}, {@code 138 0000 0000}) becomes its eleven
     * digits, the username of a resident who signed up with it; anything else is only stripped.
     */
    public static String signInName(String typed) {
        if (typed == null) {
            return null;
        }
        String text = typed.strip();
        return text.contains("@") ? text : parse(text).map(Contact::value).orElse(text);
    }

    /** What a person sees of it where others may look: 138****8000, z***@example.com. */
    public String masked() {
        if (phone) {
            return value.substring(0, 3) + "****" + value.substring(7);
        }
        int at = value.indexOf('@');
        return value.charAt(0) + "***" + value.substring(at);
    }
}

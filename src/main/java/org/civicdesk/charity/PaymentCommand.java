package org.civicdesk.charity;

/**
 * Aid paid, as an officer or another module records it; the charity desk checks every field.
 *
 * @param application the application found eligible that it pays, or {@code null}
 * @param paidOn the day it was paid, as {@code 2022-01-15}; today if not given
 * @param example whether the payment is made up (示例), standing in for a total the source gives, as
 *        a city's training or demonstration data does; the disclosure of its year says so
 */
public record PaymentCommand(String programme, Long application, String recipient, String amount, String paidOn,
        Boolean example) {
}

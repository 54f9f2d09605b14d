package org.civicdesk.demo.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo city's settings ({@code CIVICDESK_DEMO_ENABLED}, {@code CIVICDESK_DEMO_PASSWORD}).
 *
 * @param enabled whether to load the demo city into the database; a database keeps what it loaded
 *        before, so turning this off later removes nothing
 * @param password the password of every demo account
 */
@ConfigurationProperties("civicdesk.demo")
record DemoSettings(boolean enabled, @DefaultValue("civicdesk-demo") String password) {
}

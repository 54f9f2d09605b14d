package org.civicdesk.open311.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * GeoReport v2 is read by anyone, and a client proves itself with the {@code api_key} in the form it posts,
 * not with a session or a bearer token: no CSRF token, no session, no sign-in page. The key is checked by
 * {@link GeoReport} itself, which answers a missing or wrong key with the standard's 403 error.
 */
@Configuration(proxyBeanMethods = false)
class Open311Security {

    @Bean
    @Order(0)
    SecurityFilterChain open311(HttpSecurity http) throws Exception {
        http.securityMatcher("/open311/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }
}

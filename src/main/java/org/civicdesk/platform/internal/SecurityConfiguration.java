package org.civicdesk.platform.internal;

import org.civicdesk.directory.Directory;
import org.civicdesk.shared.Problems;
import org.civicdesk.shared.RoleRestrictedApi;
import org.civicdesk.shared.TokenConfirmedAtWrite;
import org.civicdesk.shared.web.MapTiles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration {

    /**
     * Scripts and styles come only from this server (WebJars and npm packages it serves); the tiles of
     * the configured base map, from exactly its servers, are the one outside source the pages may load.
     */
    static String contentSecurityPolicy(MapTiles tiles) {
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: " + String.join(" ", tiles.origins()) + "; font-src 'self' data:; "
                + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    /**
     * Spring Security would time every filter, sign-in and authorisation of every request as an
     * observation of its own. Nothing here reads them (the HTTP server's own metrics time each
     * request), and on a Giving Day they cost a fifth of a donation's time in the app.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    UserDetailsService userDetailsService(Directory directory) {
        return username -> directory.credentials(username).map(CivicPrincipal::new)
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }

    /**
     * Checks the password first and whether the account is enabled only after it, so that a disabled
     * account answers a wrong password just as any other does, after as long, and no one learns which
     * accounts exist but are disabled. A password checked against an older algorithm's hash gets a
     * hash of the current algorithm.
     */
    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwords,
            LoginThrottle throttle, Directory directory) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(passwords);
        dao.setPreAuthenticationChecks(user -> {
        });
        dao.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        dao.setUserDetailsPasswordService((user, newHash) -> {
            directory.rehashPassword(((CivicPrincipal) user).actor().accountId(), user.getPassword(), newHash);
            return user;
        });
        return new ProviderManager(new ThrottledAuthenticationProvider(dao, throttle));
    }

    /** How long a sign-in session lasts without a request; it is kept in the database with the session. */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionIdleTimeout(SecuritySettings settings) {
        return repository -> repository.setDefaultMaxInactiveInterval(settings.sessionIdleTimeout());
    }

    @Bean
    BearerTokenFilter bearerTokenFilter(ApiTokens tokens, ProblemWriter problems,
            ObjectProvider<TokenConfirmedAtWrite> confirmedAtWrite) {
        return new BearerTokenFilter(tokens, problems, confirmedAtWrite.orderedStream().toList());
    }

    /**
     * The API: stateless, bearer tokens only, every refusal a problem detail. Most endpoints check
     * roles by method security; the paths a module declares as {@link RoleRestrictedApi} are checked
     * here, by URL.
     */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, BearerTokenFilter bearer, ProblemWriter problems,
            ObjectProvider<RoleRestrictedApi> restricted) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(bearer, AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/api/v1/public/**").permitAll()
                            .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll();
                    restricted.orderedStream().forEach(api -> auth.requestMatchers(api.patterns().toArray(String[]::new))
                            .hasRole(api.role().name()));
                    auth.anyRequest().authenticated();
                })
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problems.write(req, res, Problems.unauthenticated()))
                        .accessDeniedHandler((req, res, ex) -> problems.write(req, res, Problems.forbidden())))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    /** The pages: form login, sessions in the database, CSRF tokens on every form. */
    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, BearerTokenFilter bearer, AuthenticationManager manager,
            SessionLifetimeFilter lifetime, MapTiles tiles) throws Exception {
        SimpleUrlAuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler("/login?error");
        SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
        // Everyone starts at their workbench, unless sign-in interrupted the way to another page.
        success.setDefaultTargetUrl("/desk");
        http.authenticationManager(manager)
                .addFilterBefore(bearer, AnonymousAuthenticationFilter.class)
                // A mail program's one-click unsubscribe (RFC 8058) posts without the reader's cookies,
                // hence without a CSRF token; the link's own random token is what authorises it.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/public/subscriptions/*/unsubscribe"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/login", "/error", "/error/**", "/public/**", "/webjars/**", "/css/**",
                                "/js/**", "/img/**", "/favicon.ico", "/actuator/health", "/actuator/health/**",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler((req, res, auth) -> {
                            lifetime.signedIn(req);
                            if (auth.getDetails() instanceof ThrottledAuthenticationProvider.SignInDetails details
                                    && details.failedAttemptsSinceLastSignIn() > 0) {
                                FlashMap notice = new FlashMap();
                                notice.put("failedSignIns", details.failedAttemptsSinceLastSignIn());
                                new SessionFlashMapManager().saveOutputFlashMap(notice, req, res);
                            }
                            success.onAuthenticationSuccess(req, res, auth);
                        })
                        .failureHandler((req, res, ex) -> {
                            if (ex instanceof LockedException) {
                                res.sendRedirect(req.getContextPath() + "/login?locked");
                            } else {
                                failure.onAuthenticationFailure(req, res, ex);
                            }
                        }))
                .logout(logout -> logout.logoutSuccessUrl("/"))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(tiles)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=(self)")));
        return http.build();
    }
}

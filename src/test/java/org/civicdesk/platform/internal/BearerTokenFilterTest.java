package org.civicdesk.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.civicdesk.directory.AccountCredentials;
import org.civicdesk.shared.Actor;
import org.civicdesk.shared.LastChange;
import org.civicdesk.shared.Role;
import org.civicdesk.shared.TokenConfirmedAtWrite;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Which requests the token filter lets in on what it read before: only the calls declared
 * {@link TokenConfirmedAtWrite}, only after a call of that holder succeeded, and never again once the
 * write refused the token. Every other request reads its token.
 */
class BearerTokenFilterTest {

    private static final String TOKEN = "a-token";
    private static final String HASH = ApiTokens.hash(TOKEN);

    private final ApiTokens tokens = mock(ApiTokens.class);
    private final BearerTokenFilter filter = new BearerTokenFilter(tokens, mock(ProblemWriter.class),
            List.of(new TokenConfirmedAtWrite("POST", "/api/v1/donations")));

    BearerTokenFilterTest() {
        when(tokens.holder(HASH)).thenReturn(Optional.of(new AccountCredentials(7, "channel", "secret-hash",
                "渠道", null, Set.of(Role.CHARITY_OFFICER), true, new LastChange(null))));
    }

    @Test
    void aCallConfirmedAtItsWriteReadsTheTokenOnlyUntilACallOfItsHolderSucceeded() throws Exception {
        assertThat(send("POST", "/api/v1/donations", 201)).as("read for the first call").isEmpty();
        assertThat(send("POST", "/api/v1/donations", 201)).as("let in on what was read, to be confirmed")
                .contains(HASH);
        verify(tokens, times(1)).holder(HASH);
    }

    @Test
    void everyOtherCallReadsItsToken() throws Exception {
        send("POST", "/api/v1/donations", 201);
        assertThat(send("GET", "/api/v1/donations/1", 200)).isEmpty();
        assertThat(send("POST", "/api/v1/campaigns", 201)).isEmpty();
        verify(tokens, times(3)).holder(HASH);
    }

    @Test
    void aHolderRefusedOnceIsReadAgain() throws Exception {
        send("POST", "/api/v1/donations", 403);
        assertThat(send("POST", "/api/v1/donations", 201)).as("a refusal is not remembered").isEmpty();
        assertThat(send("POST", "/api/v1/donations", HttpServletResponse.SC_UNAUTHORIZED)).contains(HASH);
        assertThat(send("POST", "/api/v1/donations", 201)).as("the write refused the token: read again").isEmpty();
        verify(tokens, times(3)).holder(HASH);
    }

    /** Sends a request with the token that the handler answers with {@code status}; the token it had to confirm. */
    private Optional<String> send(String method, String path, int status) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.addHeader("Authorization", "Bearer " + TOKEN);
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<Optional<String>> seen = new AtomicReference<>();
        MockFilterChain chain = mock(MockFilterChain.class);
        doAnswer(call -> {
            seen.set(Actor.tokenToConfirm());
            response.setStatus(status);
            return null;
        }).when(chain).doFilter(any(), any());
        filter.doFilter(request, response, chain);
        return seen.get();
    }
}

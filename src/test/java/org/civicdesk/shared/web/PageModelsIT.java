package org.civicdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.civicdesk.shared.PrivacyNotice;
import org.civicdesk.support.Api;
import org.civicdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What every page's layout needs reaches the page a controller renders, and nothing else: the page's
 * own address (the language switch links back to it) and the privacy notice's version; not the
 * address of a redirect, which would carry them as its query.
 */
@IntegrationTest
class PageModelsIT {

    @Autowired
    Api api;

    @Test
    void aRenderedPageKnowsItsAddressAndThePrivacyNoticeVersion() throws Exception {
        String page = api.mvc().perform(get("/public/appeals/new")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).as("the language switch links back to this page")
                .contains("href=\"/public/appeals/new?lang=en\"");
        assertThat(page).contains(PrivacyNotice.VERSION);
    }

    @Test
    void aRedirectCarriesNoLayoutAttributesInItsAddress() throws Exception {
        String location = api.mvc().perform(get("/public/appeals/reported")).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).isEqualTo("/public/track");
    }
}

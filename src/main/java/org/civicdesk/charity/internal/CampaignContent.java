package org.civicdesk.charity.internal;

import java.util.List;
import java.util.Optional;

import org.civicdesk.charity.CharityEvent;
import org.civicdesk.charity.internal.Views.CampaignView;
import org.civicdesk.shared.PublicContent;
import org.civicdesk.shared.PublicDocument;
import org.springframework.stereotype.Component;

/**
 * Fundraising campaigns, by what does not change with every donation: their name and what they are
 * for. What they raised is on their public page. Keyed by the campaign's code.
 */
@Component
class CampaignContent implements PublicContent {

    private final Campaigns campaigns;

    CampaignContent(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public String kind() {
        return CharityEvent.CAMPAIGN_CONTENT_KIND;
    }

    @Override
    public Optional<PublicDocument> document(String key) {
        return campaigns.find(key).map(CampaignContent::document);
    }

    @Override
    public List<PublicDocument> documents() {
        return campaigns.all().stream().map(CampaignContent::document).toList();
    }

    private static PublicDocument document(CampaignView c) {
        return new PublicDocument(CharityEvent.CAMPAIGN_CONTENT_KIND, c.code(), c.name(), c.description(),
                "/public/charity/campaigns/" + c.code());
    }
}

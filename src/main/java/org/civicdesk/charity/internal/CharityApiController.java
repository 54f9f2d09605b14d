package org.civicdesk.charity.internal;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

import org.civicdesk.charity.CampaignCommand;
import org.civicdesk.charity.PolicyCommand;
import org.civicdesk.charity.ProgrammeCommand;
import org.civicdesk.charity.internal.Views.CampaignView;
import org.civicdesk.charity.internal.Views.InsuranceView;
import org.civicdesk.charity.internal.Views.ProgrammeView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The charity desk's API, for charity officers (CHARITY_OFFICER). A payment channel that reports
 * confirmed payments, such as an online fundraising platform on 99 Giving Day, is given an account
 * with the same role in an organisation of its own; the ledger then names that account as the
 * handler of every donation it reports, as a receipt must. The donation ledger's endpoints are
 * {@link DonationApiController}'s.
 */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasRole('CHARITY_OFFICER')")
@Tag(name = "Charity", description = "Campaigns, the donation ledger, aid programmes and the livelihood insurance")
class CharityApiController {

    private final Campaigns campaigns;
    private final AidProgrammes aid;
    private final LivelihoodInsurance insurance;

    CharityApiController(Campaigns campaigns, AidProgrammes aid, LivelihoodInsurance insurance) {
        this.campaigns = campaigns;
        this.aid = aid;
        this.insurance = insurance;
    }

    @PostMapping("/campaigns")
    @Operation(summary = "Open a fundraising campaign (募捐活动); a code in use is 409")
    ResponseEntity<CampaignView> createCampaign(@RequestBody CampaignCommand cmd) {
        return created("/api/v1/campaigns/", campaigns.create(cmd), CampaignView::code);
    }

    @GetMapping("/campaigns")
    List<CampaignView> campaigns() {
        return campaigns.all();
    }

    @GetMapping("/campaigns/{code}")
    CampaignView campaign(@PathVariable String code) {
        return campaigns.view(code);
    }

    @PostMapping("/aid/programmes")
    @Operation(summary = "Set up an aid programme (救助项目) with the household categories it accepts and favours")
    ResponseEntity<ProgrammeView> createProgramme(@RequestBody ProgrammeCommand cmd) {
        return created("/api/v1/aid/programmes/", aid.create(cmd), ProgrammeView::code);
    }

    @GetMapping("/aid/programmes")
    List<ProgrammeView> programmes() {
        return aid.all();
    }

    @GetMapping("/aid/programmes/{code}")
    ProgrammeView programme(@PathVariable String code) {
        return aid.view(code);
    }

    @PostMapping("/insurance/policies")
    @Operation(summary = "Record a year's one-yuan livelihood insurance policy (一元民生保险)")
    ResponseEntity<InsuranceView> createPolicy(@RequestBody PolicyCommand cmd) {
        return created("/api/v1/insurance/policies/", insurance.createPolicy(cmd), InsuranceView::year);
    }

    @GetMapping("/insurance/policies/{year}")
    InsuranceView policy(@PathVariable int year) {
        return insurance.view(year);
    }

    /** 201 with the Location of what was made, named by the key {@code id} reads from it. */
    private static <T> ResponseEntity<T> created(String collection, T body, Function<T, Object> id) {
        return ResponseEntity.created(URI.create(collection + id.apply(body))).body(body);
    }
}

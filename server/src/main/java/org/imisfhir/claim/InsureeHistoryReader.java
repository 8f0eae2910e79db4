package org.imisfhir.claim;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.IdType;
import org.imisfhir.claim.rules.AllowanceUsage;
import org.imisfhir.claim.rules.EarlierClaim;
import org.imisfhir.claim.rules.EarlierLine;
import org.imisfhir.claim.rules.InsureeHistory;
import org.imisfhir.claim.rules.ServiceCategory;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an insuree used before a claim: their earlier claims above entered (lines with the quantities they kept,
 * and each claim's category) and what the family's claims took from each policy's deductible and ceiling, read
 * from the claims' ClaimResponses.
 */
@Component
public class InsureeHistoryReader {

	private final DaoRegistry daos;

	public InsureeHistoryReader(DaoRegistry daos) {
		this.daos = daos;
	}

	/**
	 * The insuree's earlier claims above entered (lines and categories) and the family's use of each policy,
	 * leaving out the claim {@code self} (a "Claim/id" reference, or null).
	 */
	public InsureeHistory history(String self, String insureeId, List<Coverage> coverages) {
		SearchParameterMap earlier = SearchParameterMap.newSynchronous()
				.add("patient", new ReferenceParam(insureeId))
				.add("imis-status", new TokenOrListParam()
						.addOr(new TokenParam(ClaimProfiles.STATUS_SYSTEM, "4"))
						.addOr(new TokenParam(ClaimProfiles.STATUS_SYSTEM, "8"))
						.addOr(new TokenParam(ClaimProfiles.STATUS_SYSTEM, "16")));
		earlier.addRevInclude(new Include("ClaimResponse:request"));
		Map<String, Claim> claims = new LinkedHashMap<>();
		Map<String, ClaimResponse> responses = new HashMap<>();
		for (IBaseResource found : daos.getResourceDao(Claim.class).search(earlier, new SystemRequestDetails()).getAllResources()) {
			if (found instanceof Claim earlierClaim) {
				String id = "Claim/" + earlierClaim.getIdElement().getIdPart();
				if (!id.equals(self)) {
					claims.put(id, earlierClaim);
				}
			} else if (found instanceof ClaimResponse response && response.getStatus() == ClaimResponse.ClaimResponseStatus.ACTIVE) {
				responses.put(new IdType(response.getRequest().getReference()).toUnqualifiedVersionless().getValue(), response);
			}
		}
		List<EarlierLine> lines = new ArrayList<>();
		List<EarlierClaim> categories = new ArrayList<>();
		claims.forEach((id, earlierClaim) -> {
			LocalDate target = ClaimReader.targetDate(earlierClaim);
			if (target == null) {
				return;
			}
			categories.add(new EarlierClaim(id, target, ClaimWorkflow.category(earlierClaim).orElse(ServiceCategory.OTHER)));
			ClaimResponse response = responses.get(id);
			if (response != null) {
				lines.addAll(ClaimResponseReader.passedLines(earlierClaim, response, target));
			}
		});
		return new InsureeHistory(lines, categories, usage(coverages, self));
	}

	private List<AllowanceUsage> usage(List<Coverage> coverages, String self) {
		if (coverages.isEmpty()) {
			return List.of();
		}
		ReferenceOrListParam policies = new ReferenceOrListParam();
		coverages.forEach(c -> policies.addOr(new ReferenceParam("Coverage/" + c.getIdElement().getIdPart())));
		SearchParameterMap search = SearchParameterMap.newSynchronous()
				.add("coverage", policies)
				.add("status", new TokenParam("active"));
		List<AllowanceUsage> usage = new ArrayList<>();
		for (IBaseResource found : daos.getResourceDao(ClaimResponse.class).search(search, new SystemRequestDetails()).getAllResources()) {
			ClaimResponse response = (ClaimResponse) found;
			String claimId = new IdType(response.getRequest().getReference()).toUnqualifiedVersionless().getValue();
			if (!claimId.equals(self)) {
				usage.addAll(ClaimResponseReader.usage(response));
			}
		}
		return usage;
	}
}

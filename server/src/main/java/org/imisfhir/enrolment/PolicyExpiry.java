package org.imisfhir.enrolment;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.LocalDate;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coverage;
import org.imisfhir.enrolment.rules.PolicyStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sets every policy whose expiry date has passed to openIMIS status Expired (8), daily. */
@Component
public class PolicyExpiry {

	private static final Logger log = LoggerFactory.getLogger(PolicyExpiry.class);

	private final DaoRegistry daoRegistry;

	public PolicyExpiry(DaoRegistry daoRegistry) {
		this.daoRegistry = daoRegistry;
	}

	@Scheduled(cron = "${imis.enrolment.expiry-cron:0 15 0 * * *}")
	public void expireDaily() {
		int expired = expireBefore(LocalDate.now());
		log.info("Daily policy expiry: {} policies set to Expired", expired);
	}

	/** Expires the policies whose expiry date is before {@code today}; returns how many. */
	public int expireBefore(LocalDate today) {
		SearchParameterMap pastExpiry = SearchParameterMap.newSynchronous()
				.add("expiry", new DateParam(ParamPrefixEnum.LESSTHAN, today.toString()))
				.add("policy-status", new TokenParam(PolicyBuilder.POLICY_STATUS_SYSTEM, "8").setModifier(ca.uhn.fhir.rest.param.TokenParamModifier.NOT));
		int count = 0;
		for (IBaseResource found : daoRegistry.getResourceDao(Coverage.class).search(pastExpiry, new SystemRequestDetails()).getAllResources()) {
			Coverage policy = (Coverage) found;
			PolicyBuilder.setOpenImisStatus(policy, PolicyStatus.EXPIRED);
			daoRegistry.getResourceDao(Coverage.class).update(policy, new SystemRequestDetails());
			count++;
		}
		return count;
	}
}

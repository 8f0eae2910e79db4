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
import org.hl7.fhir.r4.model.DateType;
import org.imisfhir.app.ImisProperties;
import org.imisfhir.outcome.ImisRuleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Daily renewal proposals (openIMIS insert_renewals): every active policy expiring within
 * {@code imis.enrolment.renewal-interval-days} gets an idle renewal entered for the day after its expiry,
 * unless a following policy exists already.
 */
@Component
public class RenewalProposals {

	private static final Logger log = LoggerFactory.getLogger(RenewalProposals.class);

	private final DaoRegistry daoRegistry;
	private final RenewalProvider renewals;
	private final int intervalDays;

	public RenewalProposals(DaoRegistry daoRegistry, RenewalProvider renewals, ImisProperties properties) {
		this.daoRegistry = daoRegistry;
		this.renewals = renewals;
		this.intervalDays = properties.getEnrolment().getRenewalIntervalDays();
	}

	@Scheduled(cron = "${imis.enrolment.renewal-cron:0 30 0 * * *}")
	public void proposeDaily() {
		log.info("Daily renewal proposals: {} renewals created", proposeDue(LocalDate.now()));
	}

	/** Creates the renewals of the active policies expiring between today and today + interval; returns how many. */
	public int proposeDue(LocalDate today) {
		SearchParameterMap due = SearchParameterMap.newSynchronous()
				.add("expiry", new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, today.toString()))
				.add("expiry", new DateParam(ParamPrefixEnum.LESSTHAN_OR_EQUALS, today.plusDays(intervalDays).toString()))
				.add("policy-status", new TokenParam(PolicyBuilder.POLICY_STATUS_SYSTEM, "2"));
		int created = 0;
		for (IBaseResource found : daoRegistry.getResourceDao(Coverage.class).search(due, new SystemRequestDetails()).getAllResources()) {
			Coverage policy = (Coverage) found;
			LocalDate renewalDate = LocalDate.parse(policy.getPeriod().getEndElement().getValueAsString()).plusDays(1);
			try {
				renewals.renew(policy.getIdElement().toUnqualifiedVersionless(), new DateType(renewalDate.toString()), null, null,
						new SystemRequestDetails());
				created++;
			} catch (ImisRuleException alreadyRenewedOrInvalid) {
				log.info("No renewal proposed for {}: {}", policy.getIdElement().toUnqualifiedVersionless().getValue(),
						alreadyRenewedOrInvalid.getMessage());
			}
		}
		return created;
	}
}

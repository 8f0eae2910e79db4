package org.imisfhir.enrolment;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.app.ImisOperationProvider;
import org.imisfhir.enrolment.rules.MemberCover;
import org.imisfhir.outcome.ImisRuleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Patient/[id]/$change-status}: an insuree becomes active (AC), inactive (IN) or dead (DE) with a reason and
 * a date. Inactive or dead ends their cover on every policy of their family at the status date (their own expiry,
 * openIMIS InsureePolicy); active again restores it from its date on the family's policies still running, the days
 * in between staying uncovered. All in the same transaction as the status. Claims and eligibility read the member's
 * own cover.
 */
@Component
public class InsureeStatusProvider implements ImisOperationProvider {

	private static final Set<String> STATUSES = Set.of("AC", "IN", "DE");
	private static final Logger LOG = LoggerFactory.getLogger(InsureeStatusProvider.class);

	private final DaoRegistry daos;
	private final IFhirSystemDao<Bundle, Meta> systemDao;

	public InsureeStatusProvider(DaoRegistry daos, IFhirSystemDao<Bundle, Meta> systemDao) {
		this.daos = daos;
		this.systemDao = systemDao;
	}

	@Operation(name = "$change-status", type = Patient.class)
	public Patient changeStatus(
			@IdParam IdType id,
			@OperationParam(name = "status", min = 1, max = 1) CodeType status,
			@OperationParam(name = "reason", max = 1) StringType reason,
			@OperationParam(name = "date", max = 1) DateType date,
			RequestDetails request) {
		String code = status == null || status.isEmpty() ? "" : status.getValue().trim().toUpperCase();
		if (!STATUSES.contains(code)) {
			throw ImisRuleException.businessRule(EnrolmentViolation.STATUS_UNKNOWN, code);
		}
		String why = reason == null || reason.isEmpty() ? null : reason.getValue().trim();
		if (MemberCover.endsCover(code) && (why == null || why.isBlank())) {
			throw ImisRuleException.businessRule(EnrolmentViolation.STATUS_REASON_REQUIRED, code);
		}
		LocalDate on = date == null || date.isEmpty() ? LocalDate.now() : LocalDate.parse(date.getValueAsString());
		Patient insuree = daos.getResourceDao(Patient.class).read(id.toUnqualifiedVersionless(), request);
		String insureeId = insuree.getIdElement().getIdPart();
		String previous = InsureeRecords.status(insuree).orElse("AC");
		LocalDate previousDate = InsureeRecords.statusDate(insuree).orElse(null);
		String previousReason = MemberCover.statusReason(previous, InsureeRecords.statusReason(insuree).orElse(null));

		insuree.getExtension().removeIf(e -> EnrolmentProfiles.INSUREE_STATUS.equals(e.getUrl()));
		Extension statusExtension = insuree.addExtension().setUrl(EnrolmentProfiles.INSUREE_STATUS);
		statusExtension.addExtension("status", new CodeType(code));
		if (why != null) {
			statusExtension.addExtension("reason", new StringType(why));
		}
		statusExtension.addExtension("date", new DateType(on.toString()));
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		addUpdate(transaction, insuree);
		int changed = 0;
		for (Coverage policy : familyPolicies(insuree)) {
			LocalDate policyExpiry = LocalDate.parse(policy.getPeriod().getEndElement().getValueAsString().substring(0, 10));
			List<MemberCover.Row> rows = PolicyMembers.rows(policy, insureeId);
			if (MemberCover.endsCover(code)) {
				rows = MemberCover.endedOn(policyExpiry, rows, on, MemberCover.statusReason(code, why));
			} else {
				if (MemberCover.endsCover(previous) && previousDate != null) {
					// a status set by a plain update ended the cover without recording it: record it before restoring
					rows = MemberCover.endedOn(policyExpiry, rows, previousDate, previousReason);
				}
				rows = MemberCover.reactivatedOn(policyExpiry, rows, on, MemberCover.statusReason(code, why));
			}
			if (PolicyMembers.replaceRows(policy, insureeId, "Patient/" + insureeId, rows)) {
				addUpdate(transaction, policy);
				changed++;
			}
		}
		systemDao.transaction(request, transaction);
		LOG.info("Insuree Patient/{} set to {} on {} ({}); cover changed on {} polic(ies)", insureeId, code, on, why, changed);
		return daos.getResourceDao(Patient.class).read(id.toUnqualifiedVersionless(), new SystemRequestDetails());
	}

	private java.util.List<Coverage> familyPolicies(Patient insuree) {
		Extension family = insuree.getExtensionByUrl(EnrolmentProfiles.GROUP_REFERENCE);
		if (family == null || !(family.getValue() instanceof org.hl7.fhir.r4.model.Reference reference) || !reference.hasReference()) {
			return java.util.List.of();
		}
		java.util.List<Coverage> policies = new java.util.ArrayList<>();
		for (IBaseResource found : daos.getResourceDao(Coverage.class)
				.search(SearchParameterMap.newSynchronous("family", new ReferenceParam(reference.getReferenceElement().toUnqualifiedVersionless().getValue())),
						new SystemRequestDetails())
				.getAllResources()) {
			Coverage policy = (Coverage) found;
			if (policy.hasPeriod() && policy.getPeriod().hasEnd()) {
				policies.add(policy);
			}
		}
		return policies;
	}

	private static void addUpdate(Bundle transaction, Resource resource) {
		String url = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
		resource.setId(url);
		transaction.addEntry().setFullUrl(url).setResource(resource).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(url);
	}
}

package org.imisfhir.claim;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.imisfhir.claim.rules.ClaimStatus;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.registry.catalogue.CatalogueCodes;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Rules on entering and editing a claim, on every write path: the claim code is present and not used by the
 * facility on another claim; the insuree has no other claim (not rejected) at the facility for the same
 * service on the same day; a new claim is entered (status 2, review and feedback idle); a client edits only an
 * entered claim and never its workflow, which the scheme's operations set (they write as the system).
 */
@Interceptor
public class ClaimEntryInterceptor {

	static final int ORDER = -20;

	private final DaoRegistry daos;

	public ClaimEntryInterceptor(DaoRegistry daos) {
		this.daos = daos;
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = ORDER)
	public void created(IBaseResource resource, RequestDetails request) {
		if (resource instanceof Claim claim) {
			if (!(request instanceof SystemRequestDetails)) {
				if (claim.getExtensionByUrl(ClaimProfiles.WORKFLOW) != null) {
					throw ImisRuleException.businessRule(ClaimViolation.WORKFLOW_READ_ONLY);
				}
				ClaimWorkflow.setStatus(claim, ClaimStatus.ENTERED);
				ClaimWorkflow.setReviewStatus(claim, ClaimWorkflow.Selection.IDLE);
				ClaimWorkflow.setFeedbackStatus(claim, ClaimWorkflow.Selection.IDLE);
			}
			refuseDuplicates(claim, null);
		}
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = ORDER)
	public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
		if (resource instanceof Claim claim && previous instanceof Claim stored) {
			if (!(request instanceof SystemRequestDetails)) {
				ClaimStatus status = ClaimWorkflow.status(stored);
				if (status != ClaimStatus.ENTERED) {
					throw ImisRuleException.businessRule(ClaimViolation.NOT_ENTERED, stored.getIdElement().getIdPart(), status.name().toLowerCase());
				}
				Extension workflow = claim.getExtensionByUrl(ClaimProfiles.WORKFLOW);
				Extension storedWorkflow = stored.getExtensionByUrl(ClaimProfiles.WORKFLOW);
				if (workflow != null && (storedWorkflow == null || !workflow.equalsDeep(storedWorkflow))) {
					throw ImisRuleException.businessRule(ClaimViolation.WORKFLOW_READ_ONLY);
				}
				if (workflow == null && storedWorkflow != null) {
					claim.addExtension(storedWorkflow.copy());
				}
			}
			if (!sameDuplicateKeys(claim, stored)) {
				refuseDuplicates(claim, stored.getIdElement().getIdPart());
			}
		}
	}

	/**
	 * Whether an update leaves alone all a duplicate is found by (code, facility, insuree, date of care, items): the
	 * stored claim passed the check, so the update cannot make a duplicate. Workflow writes (submission, review,
	 * processing, the batch run) change none of them.
	 */
	private static boolean sameDuplicateKeys(Claim claim, Claim stored) {
		return ClaimReader.code(claim) != null && Objects.equals(ClaimReader.code(claim), ClaimReader.code(stored))
				&& Objects.equals(claim.getProvider().getReference(), stored.getProvider().getReference())
				&& Objects.equals(claim.getPatient().getReference(), stored.getPatient().getReference())
				&& Objects.equals(ClaimReader.targetDate(claim), ClaimReader.targetDate(stored))
				&& claim.getItem().size() == stored.getItem().size()
				&& java.util.stream.IntStream.range(0, claim.getItem().size()).allMatch(i ->
						claim.getItem().get(i).getProductOrService().equalsDeep(stored.getItem().get(i).getProductOrService()));
	}

	private void refuseDuplicates(Claim claim, String self) {
		String code = ClaimReader.code(claim);
		if (code == null || code.isBlank()) {
			throw ImisRuleException.businessRule(ClaimViolation.CODE_MISSING, ClaimProfiles.CLAIM_CODE_SYSTEM);
		}
		if (!claim.getProvider().hasReference()) {
			return;
		}
		String facility = new IdType(claim.getProvider().getReference()).toUnqualifiedVersionless().getValue();
		SearchParameterMap sameCode = SearchParameterMap.newSynchronous()
				.add("identifier", new TokenParam(code))
				.add("provider", new ReferenceParam(facility));
		for (IBaseResource found : daos.getResourceDao(Claim.class).search(sameCode, new SystemRequestDetails()).getAllResources()) {
			if (!Objects.equals(found.getIdElement().getIdPart(), self) && code.equals(ClaimReader.code((Claim) found))) {
				throw ImisRuleException.conflict(ClaimViolation.CODE_DUPLICATE, code, facility);
			}
		}
		LocalDate day = ClaimReader.targetDate(claim);
		if (day == null || !claim.getPatient().hasReference()) {
			return;
		}
		String patient = new IdType(claim.getPatient().getReference()).toUnqualifiedVersionless().getValue();
		for (Claim.ItemComponent item : claim.getItem()) {
			for (Coding coding : item.getProductOrService().getCoding()) {
				if (!CatalogueCodes.SERVICE_CODE.equals(coding.getSystem()) || !coding.hasCode()) {
					continue;
				}
				SearchParameterMap sameService = SearchParameterMap.newSynchronous()
						.add("patient", new ReferenceParam(patient))
						.add("provider", new ReferenceParam(facility))
						.add("service-date", new DateParam(ParamPrefixEnum.STARTS_AFTER, day.minusDays(1).toString()))
						.add("item-code", new TokenParam(CatalogueCodes.SERVICE_CODE, coding.getCode()));
				for (IBaseResource found : daos.getResourceDao(Claim.class).search(sameService, new SystemRequestDetails()).getAllResources()) {
					Claim other = (Claim) found;
					if (!Objects.equals(other.getIdElement().getIdPart(), self)
							&& day.equals(ClaimReader.targetDate(other))
							&& ClaimWorkflow.status(other) != ClaimStatus.REJECTED) {
						throw ImisRuleException.conflict(ClaimViolation.SERVICE_DUPLICATE, patient, facility, coding.getCode(), day,
								ClaimReader.code(other));
					}
				}
			}
		}
	}
}

package org.imisfhir.claim;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.outcome.ImisRuleException;

import java.util.Set;

/**
 * The enrolment officer's feedback on a claim (openIMIS tblFeedback) arrives as a Communication about the
 * claim with the IG's payload codes: yes/no answers for care rendered, payment asked, drug prescribed and
 * received, and an assessment 0-5. A valid feedback marks the claim's feedback delivered and completes the
 * prompt; an answer out of range is refused.
 */
@Interceptor
public class FeedbackInterceptor {

	private static final Set<String> YES_NO = Set.of("CareRendered", "PaymentAsked", "DrugPrescribed", "DrugReceived");

	private final DaoRegistry daos;

	public FeedbackInterceptor(DaoRegistry daos) {
		this.daos = daos;
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void validate(IBaseResource resource) {
		if (resource instanceof Communication feedback && claimOf(feedback) != null) {
			for (Communication.CommunicationPayloadComponent payload : feedback.getPayload()) {
				Extension type = payload.getExtensionByUrl(ClaimSelectionProvider.PAYLOAD_TYPE);
				if (type == null) {
					continue;
				}
				String code = ((CodeableConcept) type.getValue()).getCodingFirstRep().getCode();
				String answer = payload.hasContentStringType() ? payload.getContentStringType().getValue() : null;
				boolean valid = YES_NO.contains(code) ? "yes".equals(answer) || "no".equals(answer)
						: !"Asessment".equals(code) || (answer != null && answer.matches("[0-5]"));
				if (!valid) {
					throw ImisRuleException.businessRule(ClaimViolation.FEEDBACK_ANSWER_INVALID, code, String.valueOf(answer));
				}
			}
		}
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	public void delivered(IBaseResource resource) {
		if (!(resource instanceof Communication feedback)) {
			return;
		}
		String claimId = claimOf(feedback);
		if (claimId == null) {
			return;
		}
		Claim claim = daos.getResourceDao(Claim.class).read(new IdType(claimId), new SystemRequestDetails());
		ClaimWorkflow.setFeedbackStatus(claim, ClaimWorkflow.Selection.DELIVERED);
		daos.getResourceDao(Claim.class).update(claim, new SystemRequestDetails());
		for (IBaseResource found : daos.getResourceDao(CommunicationRequest.class)
				.search(SearchParameterMap.newSynchronous("about", new ReferenceParam(claimId)), new SystemRequestDetails())
				.getAllResources()) {
			CommunicationRequest prompt = (CommunicationRequest) found;
			if (prompt.getStatus() == CommunicationRequest.CommunicationRequestStatus.ACTIVE) {
				prompt.setStatus(CommunicationRequest.CommunicationRequestStatus.COMPLETED);
				prompt.setStatusReason(new CodeableConcept(new Coding(ClaimSelectionProvider.FEEDBACK_STATUS_SYSTEM, "8", "Delivered")));
				daos.getResourceDao(CommunicationRequest.class).update(prompt, new SystemRequestDetails());
			}
		}
	}

	private static String claimOf(Communication feedback) {
		for (Reference about : feedback.getAbout()) {
			if (about.hasReference() && "Claim".equals(new IdType(about.getReference()).getResourceType())) {
				return new IdType(about.getReference()).toUnqualifiedVersionless().getValue();
			}
		}
		return null;
	}
}

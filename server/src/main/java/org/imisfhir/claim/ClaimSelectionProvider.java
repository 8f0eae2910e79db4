package org.imisfhir.claim;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.app.ImisOperationProvider;
import org.imisfhir.claim.ClaimWorkflow.Selection;
import org.imisfhir.claim.rules.ClaimSelector;
import org.imisfhir.claim.rules.ClaimStatus;
import org.imisfhir.claim.rules.SelectionCriteria;
import org.imisfhir.enrolment.PolicyBuilder;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.registry.catalogue.CatalogueCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Selection of checked claims for medical review or for feedback ({@code Claim/$select}) and bypassing a claim
 * ({@code Claim/[id]/$bypass}). Selecting a claim for feedback creates a CommunicationRequest (openIMIS
 * FeedbackPrompt) for the enrolment officer of the insuree's policy, with the IG's five questions.
 */
@Component
public class ClaimSelectionProvider implements ImisOperationProvider {

	private static final Logger LOG = LoggerFactory.getLogger(ClaimSelectionProvider.class);
	static final String PAYLOAD_TYPE = ClaimProfiles.IG + "StructureDefinition/communication-payload-type";
	static final String PAYLOAD_SYSTEM = ClaimProfiles.IG + "CodeSystem/feedback-payload";
	static final String FEEDBACK_STATUS_SYSTEM = ClaimProfiles.IG + "CodeSystem/feedback-status";
	static final List<String[]> QUESTIONS = List.of(
			new String[] {"CareRendered", "Care Rendered? (yes|no)"},
			new String[] {"PaymentAsked", "Payment Asked? (yes|no)"},
			new String[] {"DrugPrescribed", "Drug Prescribed? (yes|no)"},
			new String[] {"DrugReceived", "Drug Received? (yes|no)"},
			new String[] {"Asessment", "Asessment? (0|1|2|3|4|5)"});

	private final DaoRegistry daos;
	private final ClaimSelector selector = new ClaimSelector(new SecureRandom());

	public ClaimSelectionProvider(DaoRegistry daos) {
		this.daos = daos;
	}

	@Operation(name = "$select", type = Claim.class)
	public Parameters select(
			@OperationParam(name = "for", min = 1, max = 1) CodeType purpose,
			@OperationParam(name = "claim", max = OperationParam.MAX_UNLIMITED) List<Reference> claims,
			@OperationParam(name = "amountAbove", max = 1) DecimalType amountAbove,
			@OperationParam(name = "service", max = OperationParam.MAX_UNLIMITED) List<StringType> services,
			@OperationParam(name = "share", max = 1) DecimalType share,
			@OperationParam(name = "facility", max = 1) Reference facility,
			@OperationParam(name = "from", max = 1) DateType from,
			@OperationParam(name = "to", max = 1) DateType to) {
		boolean feedback = feedback(purpose);
		List<Claim> candidates = new ArrayList<>();
		SelectionCriteria criteria;
		if (claims != null && !claims.isEmpty()) {
			for (Reference reference : claims) {
				candidates.add(read(new IdType(reference.getReference())));
			}
			criteria = new SelectionCriteria(null, null, new BigDecimal("100"));
		} else {
			candidates.addAll(idleCheckedClaims(feedback, facility, from, to));
			Set<String> watched = new HashSet<>();
			if (services != null) {
				services.forEach(s -> watched.add(s.getValue()));
			}
			criteria = new SelectionCriteria(amountAbove == null ? null : amountAbove.getValue(), watched,
					share == null ? null : share.getValue());
		}
		Parameters result = new Parameters();
		int selected = 0;
		int notSelected = 0;
		for (Claim claim : candidates) {
			if (ClaimWorkflow.status(claim) != ClaimStatus.CHECKED) {
				throw ImisRuleException.businessRule(ClaimViolation.NOT_CHECKED, claim.getIdElement().getIdPart(),
						ClaimWorkflow.status(claim).name().toLowerCase());
			}
			boolean chosen = selector.selects(candidate(claim), criteria);
			Selection selection = chosen ? Selection.SELECTED : Selection.NOT_SELECTED;
			if (feedback) {
				ClaimWorkflow.setFeedbackStatus(claim, selection);
			} else {
				ClaimWorkflow.setReviewStatus(claim, selection);
			}
			daos.getResourceDao(Claim.class).update(claim, new SystemRequestDetails());
			if (chosen) {
				selected++;
				result.addParameter().setName("selected").setValue(new Reference("Claim/" + claim.getIdElement().getIdPart()));
				if (feedback) {
					daos.getResourceDao(CommunicationRequest.class).create(feedbackPrompt(claim), new SystemRequestDetails());
				}
			} else {
				notSelected++;
			}
		}
		result.addParameter("selectedCount", new IntegerType(selected));
		result.addParameter("notSelectedCount", new IntegerType(notSelected));
		LOG.info("Selection for {}: {} claim(s) selected, {} not selected", feedback ? "feedback" : "review", selected, notSelected);
		return result;
	}

	@Operation(name = "$bypass", type = Claim.class)
	public Claim bypass(@IdParam IdType id, @OperationParam(name = "for", min = 1, max = 1) CodeType purpose) {
		boolean feedback = feedback(purpose);
		Claim claim = read(id);
		if (feedback) {
			ClaimWorkflow.setFeedbackStatus(claim, Selection.BYPASSED);
			for (IBaseResource found : promptsOf(claim)) {
				CommunicationRequest prompt = (CommunicationRequest) found;
				prompt.setStatus(CommunicationRequest.CommunicationRequestStatus.REVOKED);
				prompt.setStatusReason(new CodeableConcept(new Coding(FEEDBACK_STATUS_SYSTEM, "16", "Bypassed")));
				daos.getResourceDao(CommunicationRequest.class).update(prompt, new SystemRequestDetails());
			}
		} else {
			ClaimWorkflow.setReviewStatus(claim, Selection.BYPASSED);
		}
		daos.getResourceDao(Claim.class).update(claim, new SystemRequestDetails());
		return read(id);
	}

	List<IBaseResource> promptsOf(Claim claim) {
		return daos.getResourceDao(CommunicationRequest.class)
				.search(SearchParameterMap.newSynchronous("about", new ReferenceParam("Claim/" + claim.getIdElement().getIdPart())),
						new SystemRequestDetails())
				.getAllResources();
	}

	private List<Claim> idleCheckedClaims(boolean feedback, Reference facility, DateType from, DateType to) {
		SearchParameterMap search = SearchParameterMap.newSynchronous()
				.add("imis-status", new TokenParam(ClaimProfiles.STATUS_SYSTEM, "4"))
				.add(feedback ? "feedback-status" : "review-status", new TokenParam(Selection.IDLE.code()));
		if (facility != null && facility.hasReference()) {
			search.add("provider", new ReferenceParam(facility.getReference()));
		}
		if (from != null) {
			search.add("service-date", new DateParam(ParamPrefixEnum.GREATERTHAN_OR_EQUALS, from.getValueAsString()));
		}
		if (to != null) {
			search.add("service-date", new DateParam(ParamPrefixEnum.LESSTHAN_OR_EQUALS, to.getValueAsString()));
		}
		List<Claim> claims = new ArrayList<>();
		for (IBaseResource found : daos.getResourceDao(Claim.class).search(search, new SystemRequestDetails()).getAllResources()) {
			claims.add((Claim) found);
		}
		return claims;
	}

	private static ClaimSelector.Candidate candidate(Claim claim) {
		Set<String> services = new HashSet<>();
		for (Claim.ItemComponent item : claim.getItem()) {
			item.getProductOrService().getCoding().stream()
					.filter(c -> CatalogueCodes.SERVICE_CODE.equals(c.getSystem()))
					.forEach(c -> services.add(c.getCode()));
		}
		BigDecimal claimed = BigDecimal.ZERO;
		for (Claim.ItemComponent item : claim.getItem()) {
			if (item.getQuantity().getValue() != null && item.getUnitPrice().getValue() != null) {
				claimed = claimed.add(item.getQuantity().getValue().multiply(item.getUnitPrice().getValue()));
			}
		}
		return new ClaimSelector.Candidate(claim.getIdElement().getIdPart(), claimed, services);
	}

	private CommunicationRequest feedbackPrompt(Claim claim) {
		CommunicationRequest prompt = new CommunicationRequest();
		prompt.setStatus(CommunicationRequest.CommunicationRequestStatus.ACTIVE);
		prompt.setStatusReason(new CodeableConcept(new Coding(FEEDBACK_STATUS_SYSTEM, "4", "Selected")));
		prompt.setSubject(claim.getPatient().copy());
		prompt.addAbout(new Reference("Claim/" + claim.getIdElement().getIdPart()));
		for (String[] question : QUESTIONS) {
			CommunicationRequest.CommunicationRequestPayloadComponent payload = prompt.addPayload();
			payload.addExtension(PAYLOAD_TYPE, new CodeableConcept(new Coding(PAYLOAD_SYSTEM, question[0], null)));
			payload.setContent(new StringType(question[1]));
		}
		officerOf(claim).ifPresent(prompt::addRecipient);
		return prompt;
	}

	/** The enrolment officer of the policy that pays the claim (any policy of the insuree's claim insurance). */
	private java.util.Optional<Reference> officerOf(Claim claim) {
		for (Claim.InsuranceComponent insurance : claim.getInsurance()) {
			if (!insurance.getCoverage().hasReference()) {
				continue;
			}
			try {
				Coverage policy = daos.getResourceDao(Coverage.class).read(new IdType(insurance.getCoverage().getReference()), new SystemRequestDetails());
				Extension details = policy.getExtensionByUrl(PolicyBuilder.POLICY_DETAILS);
				Extension officer = details == null ? null : details.getExtensionByUrl("officer");
				if (officer != null) {
					return java.util.Optional.of(((Reference) officer.getValue()).copy());
				}
			} catch (RuntimeException e) {
				// a claim may name a policy logically only; then the prompt has no recipient yet
			}
		}
		return java.util.Optional.empty();
	}

	private Claim read(IdType id) {
		return daos.getResourceDao(Claim.class).read(id.toUnqualifiedVersionless(), new SystemRequestDetails());
	}

	private static boolean feedback(CodeType purpose) {
		String code = purpose == null ? "" : purpose.getValue();
		if (!"review".equals(code) && !"feedback".equals(code)) {
			throw ImisRuleException.businessRule(ClaimViolation.SELECTION_PURPOSE, code);
		}
		return "feedback".equals(code);
	}
}

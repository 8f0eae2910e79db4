package org.imisfhir.claim;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.app.ImisProperties;
import org.imisfhir.claim.rules.ClaimCheck;
import org.imisfhir.claim.rules.ClaimChecker;
import org.imisfhir.claim.rules.ClaimProcessor;
import org.imisfhir.claim.rules.ClaimStatus;
import org.imisfhir.claim.rules.ClaimValuation;
import org.imisfhir.claim.rules.ClaimValuator;
import org.imisfhir.claim.rules.MedicalKind;
import org.imisfhir.claim.rules.ProcessOutcome;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.registry.RegistryProfiles;
import org.imisfhir.registry.catalogue.CatalogueCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The claim workflow over stored claims: submit (checks and valuation), review by a medical officer, return
 * to the facility, process (the "bon à payer") and restore a rejected claim. Each step loads the claim's
 * context, runs the plain-Java rules and writes the claim and its ClaimResponse in one transaction, guarded by
 * the claim's version so that two concurrent steps on one claim cannot both apply.
 */
@Component
public class ClaimAdjudicator {

	private static final Logger LOG = LoggerFactory.getLogger(ClaimAdjudicator.class);

	private final DaoRegistry daos;
	private final IFhirSystemDao<Bundle, ?> systemDao;
	private final ClaimContextLoader loader;
	private final String currency;
	private final ClaimChecker checker = new ClaimChecker();
	private final ClaimValuator valuator = new ClaimValuator();
	private final ClaimProcessor processor = new ClaimProcessor();
	private volatile Reference insurer;

	public ClaimAdjudicator(DaoRegistry daos, IFhirSystemDao<Bundle, ?> systemDao, ClaimContextLoader loader, ImisProperties properties) {
		this.daos = daos;
		this.systemDao = systemDao;
		this.loader = loader;
		this.currency = properties.getRegistry().getCurrency();
	}

	public Claim read(IdType id) {
		return daos.getResourceDao(Claim.class).read(id.toUnqualifiedVersionless(), new SystemRequestDetails());
	}

	/** Checks and valuates an entered claim: it becomes checked or rejected. */
	public ClaimResponse submit(IdType id) {
		Claim claim = read(id);
		ClaimStatus status = ClaimWorkflow.status(claim);
		if (status != ClaimStatus.ENTERED) {
			throw ImisRuleException.businessRule(ClaimViolation.NOT_ENTERED, claim.getIdElement().getIdPart(), name(status));
		}
		return adjudicate(claim);
	}

	/**
	 * Enters and submits a new claim in one transaction (what an openIMIS client's POST Claim does): the claim is
	 * stored already checked or rejected, with its ClaimResponse, under a new id.
	 */
	public ClaimResponse enterAndSubmit(Claim claim) {
		if (claim.getExtensionByUrl(ClaimProfiles.WORKFLOW) != null) {
			throw ImisRuleException.businessRule(ClaimViolation.WORKFLOW_READ_ONLY);
		}
		claim.setId(new IdType("Claim", "c-" + java.util.UUID.randomUUID()));
		ClaimWorkflow.setStatus(claim, ClaimStatus.ENTERED);
		ClaimWorkflow.setReviewStatus(claim, ClaimWorkflow.Selection.IDLE);
		ClaimWorkflow.setFeedbackStatus(claim, ClaimWorkflow.Selection.IDLE);
		return adjudicate(claim);
	}

	private ClaimResponse adjudicate(Claim claim) {
		ClaimContextLoader.LoadedClaim loaded = loader.load(claim, List.of());
		addCodes(claim, loaded);
		ClaimCheck check = checker.check(loaded.context());
		ClaimValuation valuation = valuator.valuate(loaded.context(), check);
		ClaimWorkflow.setStatus(claim, check.status());
		ClaimWorkflow.setRejectionReason(claim, check.rejected() ? check.reason() : null);
		ClaimWorkflow.setCategory(claim, check.category());
		ClaimWorkflow.setReturnReason(claim, null);
		ClaimWorkflow.stampSubmitted(claim, new Date());
		ClaimResponse response = ClaimResponseWriter.write(
				new ClaimResponseWriter.Adjudication(claim, check.status(), check, valuation, null, List.of(), insurer()), currency);
		LOG.info("Claim {} ({}) submitted: {} (reason {}), {} of {} line(s) passed, approved {} {}", ClaimReader.code(claim),
				claim.getIdElement().getIdPart(), name(check.status()), check.reason().code(),
				check.lines().stream().filter(org.imisfhir.claim.rules.LineCheck::passed).count(), check.lines().size(),
				valuation.approved(), currency);
		return store(claim, response);
	}

	/** A medical officer's review of a checked claim: approved quantities and prices, rejected lines. */
	public ClaimResponse review(IdType id, List<ReviewedLine> decisions) {
		Claim claim = read(id);
		requireChecked(claim);
		for (ReviewedLine decision : decisions) {
			if (claim.getItem().stream().noneMatch(item -> item.getSequence() == decision.sequence())) {
				throw ImisRuleException.businessRule(ClaimViolation.REVIEW_LINE_UNKNOWN, ClaimReader.code(claim), decision.sequence());
			}
		}
		List<ReviewedLine> reviewed = new ArrayList<>(ClaimResponseReader.reviewed(existingResponse(claim)));
		reviewed.removeIf(earlier -> decisions.stream().anyMatch(d -> d.sequence() == earlier.sequence()));
		reviewed.addAll(decisions);
		ClaimContextLoader.LoadedClaim loaded = loader.load(claim, reviewed);
		ClaimCheck check = checker.check(loaded.context());
		ClaimValuation valuation = valuator.valuate(loaded.context(), check);
		ClaimWorkflow.setStatus(claim, check.status());
		ClaimWorkflow.setRejectionReason(claim, check.rejected() ? check.reason() : null);
		ClaimWorkflow.setReviewStatus(claim, ClaimWorkflow.Selection.DELIVERED);
		ClaimResponse response = ClaimResponseWriter.write(
				new ClaimResponseWriter.Adjudication(claim, check.status(), check, valuation, null, reviewed, insurer()), currency);
		LOG.info("Claim {} ({}) reviewed: {} line decision(s), now {}, approved {} {}", ClaimReader.code(claim),
				claim.getIdElement().getIdPart(), decisions.size(), name(check.status()), valuation.approved(), currency);
		return store(claim, response);
	}

	/** Returns a checked claim to the facility for missing data: entered again, to be corrected and resubmitted. */
	public ClaimResponse returnToFacility(IdType id, String reason) {
		if (reason == null || reason.isBlank()) {
			throw ImisRuleException.businessRule(ClaimViolation.RETURN_REASON_REQUIRED);
		}
		Claim claim = read(id);
		requireChecked(claim);
		ClaimWorkflow.setStatus(claim, ClaimStatus.ENTERED);
		ClaimWorkflow.setReturnReason(claim, reason);
		ClaimResponse response = existingResponse(claim);
		if (response == null) {
			response = new ClaimResponse();
		}
		response.setStatus(ClaimResponse.ClaimResponseStatus.CANCELLED);
		response.setOutcome(ClaimResponse.RemittanceOutcome.QUEUED);
		response.setDisposition("Returned to the facility: " + reason);
		LOG.info("Claim {} ({}) returned to the facility: {}", ClaimReader.code(claim), claim.getIdElement().getIdPart(), reason);
		return store(claim, response);
	}

	/** Processes a checked claim: processed when a line waits for relative pricing, else valuated. */
	public ClaimResponse process(IdType id) {
		Claim claim = read(id);
		requireChecked(claim);
		List<ReviewedLine> reviewed = ClaimResponseReader.reviewed(existingResponse(claim));
		ClaimContextLoader.LoadedClaim loaded = loader.load(claim, reviewed);
		ClaimCheck check = checker.check(loaded.context());
		ClaimValuation valuation = valuator.valuate(loaded.context(), check);
		ProcessOutcome outcome = check.rejected() ? null : processor.process(check, valuation);
		ClaimStatus status = outcome == null ? ClaimStatus.REJECTED : outcome.status();
		ClaimWorkflow.setStatus(claim, status);
		ClaimWorkflow.setRejectionReason(claim, check.rejected() ? check.reason() : null);
		ClaimWorkflow.stampProcessed(claim, new Date());
		if (ClaimWorkflow.reviewStatus(claim) == ClaimWorkflow.Selection.SELECTED) {
			ClaimWorkflow.setReviewStatus(claim, ClaimWorkflow.Selection.BYPASSED);
		}
		if (ClaimWorkflow.feedbackStatus(claim) == ClaimWorkflow.Selection.SELECTED) {
			ClaimWorkflow.setFeedbackStatus(claim, ClaimWorkflow.Selection.BYPASSED);
		}
		ClaimResponse response = ClaimResponseWriter.write(
				new ClaimResponseWriter.Adjudication(claim, status, check, valuation, outcome, reviewed, insurer()), currency);
		LOG.info("Claim {} ({}) processed: {}, approved {} {}", ClaimReader.code(claim), claim.getIdElement().getIdPart(),
				name(status), valuation.approved(), currency);
		return store(claim, response);
	}

	/** A new entered claim copying a rejected one (same care, new code), linked to it. */
	public Claim restore(IdType id, String newCode) {
		Claim rejected = read(id);
		ClaimStatus status = ClaimWorkflow.status(rejected);
		if (status != ClaimStatus.REJECTED) {
			throw ImisRuleException.businessRule(ClaimViolation.NOT_REJECTED, rejected.getIdElement().getIdPart(), name(status));
		}
		Claim copy = rejected.copy();
		copy.setId((String) null);
		copy.setMeta(null);
		copy.getMeta().addProfile(ClaimProfiles.CLAIM);
		copy.getExtension().removeIf(e -> ClaimProfiles.WORKFLOW.equals(e.getUrl()));
		String code = newCode != null && !newCode.isBlank() ? newCode : ClaimReader.code(rejected) + "-R";
		copy.getIdentifier().clear();
		copy.addIdentifier().setSystem(ClaimProfiles.CLAIM_CODE_SYSTEM).setValue(code);
		ClaimWorkflow.setStatus(copy, ClaimStatus.ENTERED);
		ClaimWorkflow.setReviewStatus(copy, ClaimWorkflow.Selection.IDLE);
		ClaimWorkflow.setFeedbackStatus(copy, ClaimWorkflow.Selection.IDLE);
		ClaimWorkflow.setRestores(copy, new Reference("Claim/" + rejected.getIdElement().getIdPart()));
		IdType created = (IdType) daos.getResourceDao(Claim.class).create(copy, new SystemRequestDetails()).getId();
		LOG.info("Rejected claim {} restored as claim {} ({})", ClaimReader.code(rejected), code, created.getIdPart());
		return read(created);
	}

	public ClaimResponse existingResponse(Claim claim) {
		try {
			return daos.getResourceDao(ClaimResponse.class).read(new IdType("ClaimResponse", responseId(claim)), new SystemRequestDetails());
		} catch (ResourceNotFoundException e) {
			return null;
		}
	}

	/** The ClaimResponse of a claim has the id "cr-" + the claim's id: one per claim, kept up to date. */
	public static String responseId(Claim claim) {
		return "cr-" + claim.getIdElement().getIdPart();
	}

	private void requireChecked(Claim claim) {
		ClaimStatus status = ClaimWorkflow.status(claim);
		if (status != ClaimStatus.CHECKED) {
			throw ImisRuleException.businessRule(ClaimViolation.NOT_CHECKED, claim.getIdElement().getIdPart(), name(status));
		}
	}

	/** Lines given only by reference get their code, so later claims read the history without resolving them. */
	private static void addCodes(Claim claim, ClaimContextLoader.LoadedClaim loaded) {
		for (int index = 0; index < claim.getItem().size(); index++) {
			ClaimContextLoader.LineSource source = loaded.lines().get(index);
			if (source.resource() == null) {
				continue;
			}
			String system = source.ref().kind() == MedicalKind.SERVICE ? CatalogueCodes.SERVICE_CODE : CatalogueCodes.ITEM_CODE;
			Claim.ItemComponent item = claim.getItem().get(index);
			if (item.getProductOrService().getCoding().stream().noneMatch(c -> system.equals(c.getSystem()))) {
				item.getProductOrService().addCoding(new Coding(system, source.ref().code(), null));
			}
		}
	}

	private ClaimResponse store(Claim claim, ClaimResponse response) {
		String version = claim.getIdElement().getVersionIdPart();
		response.setId("cr-" + claim.getIdElement().getIdPart());
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		Bundle.BundleEntryRequestComponent claimRequest = transaction.addEntry().setResource(claim).getRequest()
				.setMethod(Bundle.HTTPVerb.PUT).setUrl("Claim/" + claim.getIdElement().getIdPart());
		if (version != null) {
			claimRequest.setIfMatch("W/\"" + version + "\"");
		}
		transaction.addEntry().setResource(response).getRequest()
				.setMethod(Bundle.HTTPVerb.PUT).setUrl("ClaimResponse/" + response.getIdElement().getIdPart());
		systemDao.transaction(new SystemRequestDetails(), transaction);
		return daos.getResourceDao(ClaimResponse.class).read(new IdType("ClaimResponse", response.getIdElement().getIdPart()),
				new SystemRequestDetails());
	}

	/** The scheme's insurance organisation (profile imis-insurance-organization), the insurer of every response. */
	private Reference insurer() {
		Reference found = insurer;
		if (found == null) {
			SearchParameterMap search = SearchParameterMap.newSynchronous("_profile", new UriParam(RegistryProfiles.INSURANCE_ORGANIZATION));
			List<IBaseResource> organisations = daos.getResourceDao(Organization.class).search(search, new SystemRequestDetails()).getResources(0, 1);
			found = organisations.isEmpty()
					? new Reference().setDisplay("Insurance organisation")
					: new Reference("Organization/" + organisations.get(0).getIdElement().getIdPart());
			insurer = found;
		}
		return found.copy();
	}

	private static String name(ClaimStatus status) {
		return status.name().toLowerCase();
	}
}

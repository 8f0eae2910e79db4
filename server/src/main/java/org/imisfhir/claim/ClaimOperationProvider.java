package org.imisfhir.claim;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.imisfhir.app.ImisOperationProvider;
import org.imisfhir.conformance.openimis.IgShapeNormaliser;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.outcome.OperationOutcomeLocaliser;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The claim workflow operations: {@code $submit} (on a stored claim, or type-level with claims to enter and
 * submit in one call, or references to stored ones), {@code $review}, {@code $return}, {@code $process} and
 * {@code $restore}. Each answers with the claim's ClaimResponse (a restore with the new claim).
 */
@Component
public class ClaimOperationProvider implements ImisOperationProvider {

	private final ClaimAdjudicator adjudicator;
	private final OperationOutcomeLocaliser localiser;

	public ClaimOperationProvider(ClaimAdjudicator adjudicator, OperationOutcomeLocaliser localiser) {
		this.adjudicator = adjudicator;
		this.localiser = localiser;
	}

	private static final IgShapeNormaliser IG_SHAPES = new IgShapeNormaliser();

	@Operation(name = "$submit", type = Claim.class)
	public IBaseResource submit(
			@IdParam(optional = true) IdType id,
			@OperationParam(name = "resource", max = OperationParam.MAX_UNLIMITED) List<Claim> claims,
			@OperationParam(name = "claim", max = OperationParam.MAX_UNLIMITED) List<Reference> references,
			RequestDetails request) {
		if (id != null && id.hasIdPart()) {
			return adjudicator.submit(id);
		}
		List<java.util.function.Supplier<ClaimResponse>> work = new ArrayList<>();
		if (claims != null) {
			for (Claim claim : claims) {
				// a claim in the openIMIS IG's shape gets our identifier system and profile (decision 0025)
				IG_SHAPES.normalise(claim);
				work.add(() -> adjudicator.enterAndSubmit(claim));
			}
		}
		if (references != null) {
			for (Reference reference : references) {
				work.add(() -> adjudicator.submit(new IdType(reference.getReference())));
			}
		}
		if (work.isEmpty()) {
			throw ImisRuleException.businessRule(ClaimViolation.SUBMIT_NOTHING);
		}
		if (work.size() == 1) {
			return work.get(0).get();
		}
		Bundle results = new Bundle().setType(Bundle.BundleType.BATCHRESPONSE);
		for (java.util.function.Supplier<ClaimResponse> one : work) {
			Bundle.BundleEntryComponent entry = results.addEntry();
			try {
				ClaimResponse response = one.get();
				entry.setResource(response).getResponse().setStatus("200 OK")
						.setLocation("ClaimResponse/" + response.getIdElement().getIdPart());
			} catch (BaseServerResponseException e) {
				OperationOutcome outcome = localiser.outcomeOf(e, request);
				entry.getResponse().setStatus(e.getStatusCode() + " " + e.getMessage()).setOutcome(outcome);
			}
		}
		return results;
	}

	@Operation(name = "$review", type = Claim.class)
	public ClaimResponse review(@IdParam IdType id, RequestDetails request) {
		List<ReviewedLine> decisions = new ArrayList<>();
		if (request.getResource() instanceof Parameters parameters) {
			for (Parameters.ParametersParameterComponent line : parameters.getParameter()) {
				if ("line".equals(line.getName())) {
					decisions.add(reviewedLine(line));
				}
			}
		}
		return adjudicator.review(id, decisions);
	}

	private static ReviewedLine reviewedLine(Parameters.ParametersParameterComponent line) {
		Integer sequence = null;
		BigDecimal quantity = null;
		BigDecimal price = null;
		boolean rejected = false;
		String justification = null;
		for (Parameters.ParametersParameterComponent part : line.getPart()) {
			Type value = part.getValue();
			switch (part.getName()) {
				case "sequence" -> sequence = value == null ? null : Integer.valueOf(value.primitiveValue());
				case "quantityApproved" -> quantity = decimal(sequence, "quantityApproved", value);
				case "priceApproved" -> price = decimal(sequence, "priceApproved", value);
				case "rejected" -> rejected = value != null && Boolean.parseBoolean(value.primitiveValue());
				case "justification" -> justification = value == null ? null : value.primitiveValue();
				default -> { }
			}
		}
		if (sequence == null) {
			throw ImisRuleException.businessRule(ClaimViolation.REVIEW_LINE_UNKNOWN, "", "");
		}
		if (rejected && (justification == null || justification.isBlank())) {
			throw ImisRuleException.businessRule(ClaimViolation.REVIEW_JUSTIFICATION_REQUIRED, sequence);
		}
		return new ReviewedLine(sequence, quantity, price, rejected, justification);
	}

	private static BigDecimal decimal(Integer sequence, String name, Type value) {
		try {
			BigDecimal number = value == null ? null : new BigDecimal(value.primitiveValue());
			if (number != null && number.signum() < 0) {
				throw new NumberFormatException();
			}
			return number;
		} catch (NumberFormatException e) {
			throw ImisRuleException.businessRule(ClaimViolation.REVIEW_VALUE_INVALID, sequence, name);
		}
	}

	@Operation(name = "$return", type = Claim.class)
	public ClaimResponse returnToFacility(@IdParam IdType id, @OperationParam(name = "reason", min = 1, max = 1) StringType reason) {
		return adjudicator.returnToFacility(id, reason == null ? null : reason.getValue());
	}

	@Operation(name = "$process", type = Claim.class)
	public ClaimResponse process(@IdParam IdType id) {
		return adjudicator.process(id);
	}

	@Operation(name = "$restore", type = Claim.class)
	public Claim restore(@IdParam IdType id, @OperationParam(name = "code", max = 1) StringType code) {
		return adjudicator.restore(id, code == null ? null : code.getValue());
	}
}

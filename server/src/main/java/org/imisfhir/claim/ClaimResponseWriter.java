package org.imisfhir.claim;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.claim.rules.AllowanceUsage;
import org.imisfhir.claim.rules.Assignment;
import org.imisfhir.claim.rules.ClaimCheck;
import org.imisfhir.claim.rules.ClaimLine;
import org.imisfhir.claim.rules.ClaimStatus;
import org.imisfhir.claim.rules.ClaimValuation;
import org.imisfhir.claim.rules.LineCheck;
import org.imisfhir.claim.rules.LineValuation;
import org.imisfhir.claim.rules.ProcessOutcome;
import org.imisfhir.claim.rules.RejectionReason;
import org.imisfhir.outcome.Messages;

import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * Writes the adjudication of a claim as a ClaimResponse in the shape openIMIS clients read: per line one
 * adjudication per stage reached (category claim-status 2 entered, 4 checked, 8 processed, 16 valuated; a
 * rejected line has a single adjudication in category 1), reason always the rejection code, amount and
 * quantity (value); then the deductible, ceiling and category cuts and the review decision (our
 * claim-adjudication codes); a note in English and French for every rejection; per policy what the claim
 * took from its deductible and ceiling; totals per stage.
 */
public final class ClaimResponseWriter {

	private ClaimResponseWriter() {}

	public record Adjudication(
			Claim claim,
			ClaimStatus status,
			ClaimCheck check,
			ClaimValuation valuation,
			ProcessOutcome processed,
			List<ReviewedLine> reviewed,
			Reference insurer) {}

	public static ClaimResponse write(Adjudication a, String currency) {
		Claim claim = a.claim();
		ClaimResponse response = new ClaimResponse();
		response.getMeta().addProfile(ClaimProfiles.CLAIM_RESPONSE);
		response.addIdentifier()
				.setType(new CodeableConcept(new Coding(ClaimProfiles.IDENTIFIER_TYPE_SYSTEM, "Code", null)))
				.setSystem(ClaimProfiles.CLAIM_CODE_SYSTEM)
				.setValue(ClaimReader.code(claim));
		response.setStatus(ClaimResponse.ClaimResponseStatus.ACTIVE);
		response.setType(claim.getType().copy());
		response.setUse(ClaimResponse.Use.CLAIM);
		response.setPatient(claim.getPatient().copy());
		response.setCreated(new Date());
		response.setInsurer(a.insurer());
		if (claim.hasEnterer()) {
			response.setRequestor(claim.getEnterer().copy());
		}
		response.setRequest(new Reference("Claim/" + claim.getIdElement().getIdPart()));
		response.setOutcome(outcome(a.status()));
		response.setDisposition(disposition(a.status(), a.check().reason(), Locale.ENGLISH));

		BigDecimal claimed = BigDecimal.ZERO;
		for (int index = 0; index < claim.getItem().size(); index++) {
			Claim.ItemComponent claimItem = claim.getItem().get(index);
			LineCheck line = a.check().line(index);
			BigDecimal quantity = value(claimItem.getQuantity().getValue());
			BigDecimal asked = value(claimItem.getUnitPrice().getValue());
			claimed = claimed.add(quantity.multiply(asked));
			ClaimResponse.ItemComponent item = response.addItem().setItemSequence(claimItem.getSequence());
			Extension reference = claimItem.getExtensionByUrl(ClaimProfiles.ITEM_REFERENCE);
			if (reference != null) {
				item.addExtension(reference.copy());
			}
			if (!line.passed()) {
				adjudication(item, "1", line.reason(), BigDecimal.ZERO, currency, quantity);
				note(response, item, claimItem.getSequence(), line.reason());
				review(a.reviewed(), claimItem.getSequence(), item, currency, response);
				continue;
			}
			LineValuation valued = a.valuation().line(index);
			item.addExtension(assignment(line.assignment(), valued.unitPrice(), line.quantityCut()));
			adjudication(item, "2", RejectionReason.ACCEPTED, quantity.multiply(asked), currency, quantity);
			adjudication(item, "4", RejectionReason.ACCEPTED, valued.approved(), currency, line.quantity());
			if (a.processed() != null) {
				adjudication(item, "8", RejectionReason.ACCEPTED, valued.approved(), currency, line.quantity());
				BigDecimal remunerated = a.processed().remuneratedLines().get(index);
				if (a.processed().status() == ClaimStatus.VALUATED && remunerated != null) {
					adjudication(item, "16", RejectionReason.ACCEPTED, remunerated, currency, line.quantity());
					amount(item, "remunerated", remunerated, currency);
				}
			}
			amountIfAny(item, "deducted", valued.deducted(), currency);
			amountIfAny(item, "exceed-ceiling", valued.exceedCeiling(), currency);
			amountIfAny(item, "exceed-category", valued.exceedCategory(), currency);
			review(a.reviewed(), claimItem.getSequence(), item, currency, response);
		}

		int sequence = 1;
		for (AllowanceUsage usage : a.valuation().usage()) {
			ClaimResponse.InsuranceComponent insurance = response.addInsurance()
					.setSequence(sequence)
					.setFocal(sequence == 1)
					.setCoverage(new Reference(usage.policyId()));
			Extension record = insurance.addExtension().setUrl(ClaimProfiles.ALLOWANCE_USAGE);
			record.addExtension("hospitalVisit", new BooleanType(usage.hospitalVisit()));
			record.addExtension("deducted", new DecimalType(usage.deducted()));
			record.addExtension("ceilingUsed", new DecimalType(usage.ceilingUsed()));
			sequence++;
		}

		total(response, ClaimProfiles.STATUS_SYSTEM, "2", org.imisfhir.claim.rules.Money.round(claimed), currency);
		if (a.status() != ClaimStatus.REJECTED) {
			total(response, ClaimProfiles.STATUS_SYSTEM, "4", a.valuation().approved(), currency);
		}
		if (a.processed() != null) {
			total(response, ClaimProfiles.STATUS_SYSTEM, "8", a.processed().approved(), currency);
			if (a.processed().valuated() != null) {
				total(response, ClaimProfiles.STATUS_SYSTEM, "16", a.processed().valuated(), currency);
			}
		}
		if (a.valuation().deducted().signum() > 0) {
			total(response, ClaimProfiles.ADJUDICATION_SYSTEM, "deducted", a.valuation().deducted(), currency);
		}
		return response;
	}

	static ClaimResponse.RemittanceOutcome outcome(ClaimStatus status) {
		return switch (status) {
			case REJECTED, VALUATED -> ClaimResponse.RemittanceOutcome.COMPLETE;
			case ENTERED -> ClaimResponse.RemittanceOutcome.QUEUED;
			case CHECKED, PROCESSED -> ClaimResponse.RemittanceOutcome.PARTIAL;
		};
	}

	private static String disposition(ClaimStatus status, RejectionReason reason, Locale locale) {
		if (status == ClaimStatus.REJECTED) {
			return "Rejected: " + Messages.text("rejection." + reason.code(), locale);
		}
		return status.name().charAt(0) + status.name().substring(1).toLowerCase();
	}

	private static Extension assignment(Assignment assignment, BigDecimal unitPrice, boolean quantityCut) {
		Extension extension = new Extension(ClaimProfiles.LINE_ASSIGNMENT);
		extension.addExtension("policy", new Reference(assignment.policy().policyId()));
		extension.addExtension("product", new StringType(assignment.product().code()));
		extension.addExtension("priceOrigin", new CodeType(assignment.priceOrigin().code()));
		extension.addExtension("limitation", new CodeType(assignment.limitation().code()));
		extension.addExtension("limitationValue", new DecimalType(assignment.limitationValue()));
		extension.addExtension("unitPrice", new DecimalType(unitPrice));
		if (quantityCut) {
			extension.addExtension("quantityCut", new BooleanType(true));
		}
		return extension;
	}

	private static void adjudication(ClaimResponse.ItemComponent item, String stage, RejectionReason reason,
			BigDecimal amount, String currency, BigDecimal quantity) {
		ClaimResponse.AdjudicationComponent adjudication = item.addAdjudication();
		adjudication.setCategory(new CodeableConcept(new Coding(ClaimProfiles.STATUS_SYSTEM, stage, stageName(stage))));
		adjudication.setReason(new CodeableConcept(new Coding(ClaimProfiles.REJECTION_SYSTEM, String.valueOf(reason.code()), null)));
		adjudication.setAmount(money(amount, currency));
		adjudication.setValue(quantity);
	}

	private static void amountIfAny(ClaimResponse.ItemComponent item, String code, BigDecimal amount, String currency) {
		if (amount != null && amount.signum() != 0) {
			amount(item, code, amount, currency);
		}
	}

	private static void amount(ClaimResponse.ItemComponent item, String code, BigDecimal amount, String currency) {
		item.addAdjudication()
				.setCategory(new CodeableConcept(new Coding(ClaimProfiles.ADJUDICATION_SYSTEM, code, null)))
				.setAmount(money(amount, currency));
	}

	private static void review(List<ReviewedLine> reviewed, int sequence, ClaimResponse.ItemComponent item, String currency,
			ClaimResponse response) {
		for (ReviewedLine review : reviewed) {
			if (review.sequence() != sequence) {
				continue;
			}
			ClaimResponse.AdjudicationComponent adjudication = item.addAdjudication()
					.setCategory(new CodeableConcept(new Coding(ClaimProfiles.ADJUDICATION_SYSTEM, "review", "Medical review")))
					.setReason(new CodeableConcept(new Coding(ClaimProfiles.REJECTION_SYSTEM, review.rejected() ? "-1" : "0", null)));
			if (review.quantityApproved() != null) {
				adjudication.setValue(review.quantityApproved());
			}
			if (review.priceApproved() != null) {
				adjudication.setAmount(money(review.priceApproved(), currency));
			}
			if (review.justification() != null && !review.justification().isBlank()) {
				int number = response.getProcessNote().size() + 1;
				response.addProcessNote().setNumber(number).setType(Enumerations.NoteType.DISPLAY).setText(review.justification());
				item.getNoteNumber().add(0, new PositiveIntType(number));
			}
		}
	}

	/** The rejection reason of a line, in English and in French (processNote with language). */
	private static void note(ClaimResponse response, ClaimResponse.ItemComponent item, int sequence, RejectionReason reason) {
		for (Locale locale : List.of(Messages.ENGLISH, Messages.FRENCH)) {
			int number = response.getProcessNote().size() + 1;
			String text = (locale == Messages.FRENCH ? "Ligne " + sequence + " (motif " + reason.code() + ") : "
					: "Line " + sequence + " (reason " + reason.code() + "): ") + Messages.text("rejection." + reason.code(), locale);
			response.addProcessNote()
					.setNumber(number)
					.setType(Enumerations.NoteType.DISPLAY)
					.setText(text)
					.setLanguage(new CodeableConcept(new Coding("urn:ietf:bcp:47", locale.getLanguage(), null)));
			item.addNoteNumber(number);
		}
	}

	private static void total(ClaimResponse response, String system, String code, BigDecimal amount, String currency) {
		response.addTotal()
				.setCategory(new CodeableConcept(new Coding(system, code, ClaimProfiles.STATUS_SYSTEM.equals(system) ? stageName(code) : null)))
				.setAmount(money(amount, currency));
	}

	static String stageName(String stage) {
		return switch (stage) {
			case "1" -> "Rejected";
			case "2" -> "Entered";
			case "4" -> "Checked";
			case "8" -> "Processed";
			case "16" -> "Valuated";
			default -> null;
		};
	}

	static Money money(BigDecimal amount, String currency) {
		Money money = new Money();
		money.setValue(amount);
		money.setCurrency(currency);
		return money;
	}

	private static BigDecimal value(BigDecimal value) {
		return value == null ? BigDecimal.ZERO : value;
	}
}

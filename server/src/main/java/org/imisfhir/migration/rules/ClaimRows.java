package org.imisfhir.migration.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.claim.ClaimProfiles;
import org.imisfhir.claim.ClaimWorkflow;
import org.imisfhir.claim.rules.ClaimStatus;
import org.imisfhir.claim.rules.RejectionReason;
import org.imisfhir.claim.rules.ServiceCategory;
import org.imisfhir.registry.catalogue.CatalogueCodes;

/**
 * A tblClaim row with its tblClaimServices and tblClaimItems rows as a Claim (imis-claim) and its ClaimResponse
 * (imis-claim-response), both written together. The claim keeps its historical status, rejection reason,
 * review and feedback status and amounts: nothing is checked or valuated again. The response carries per line
 * what was asked (stage 2) and, once checked, approved (stage 4) and valuated (16), and the claim's totals
 * Claimed, Approved and Valuated as the export has them.
 */
public final class ClaimRows {

	static final String RESPONSE_SUFFIX = "-response";

	private ClaimRows() {}

	public static String responseId(MappingContext context, String claimId) {
		return context.resourceId(LegacyTable.CLAIMS, claimId) + RESPONSE_SUFFIX;
	}

	public static LegacyRecord claim(LegacyRow row, List<LegacyRow> services, List<LegacyRow> items,
			Map<String, String> diagnosisCodes, MappingContext context) {
		String currency = context.currency();
		LoadedRecords.Loaded insuree = context.loaded().required(row, "InsureeID", LegacyTable.INSUREES);
		LoadedRecords.Loaded facility = context.loaded().required(row, "HFID", LegacyTable.HEALTH_FACILITIES);
		ClaimStatus status = status(row);
		String code = row.required("ClaimCode");

		Claim claim = context.identify(new Claim(), row);
		claim.getMeta().addProfile(ClaimProfiles.CLAIM);
		claim.addIdentifier().setType(RegistryRows.codeType()).setSystem(ClaimProfiles.CLAIM_CODE_SYSTEM).setValue(code);
		claim.addIdentifier(context.legacyIdentifier(row.table(), row.id()));
		claim.setStatus(Claim.ClaimStatus.ACTIVE);
		String visit = row.oneOf("VisitType", Set.of("E", "R", "O"), "O");
		claim.setType(new CodeableConcept(new Coding(ClaimProfiles.VISIT_TYPE_SYSTEM, visit,
				LegacyCodes.translate(LegacyCodes.CLAIM_VISIT_TYPE, visit).orElse(null))));
		claim.setUse(Claim.Use.CLAIM);
		claim.setPatient(new Reference(insuree.reference()));
		claim.getBillablePeriod().setStartElement(new DateTimeType(row.requiredDate("DateFrom").toString()));
		if (row.date("DateTo") != null) {
			claim.getBillablePeriod().setEndElement(new DateTimeType(row.date("DateTo").toString()));
		}
		claim.setCreatedElement(new DateTimeType(row.requiredDate("DateClaimed").toString()));
		claim.setProvider(new Reference(facility.reference()));
		claim.setPriority(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/processpriority", "normal", null)));
		diagnoses(row, claim, diagnosisCodes);

		List<LegacyRow> lines = new ArrayList<>(services);
		lines.addAll(items);
		String policy = null;
		for (LegacyRow line : lines) {
			boolean service = line.table() == LegacyTable.CLAIM_SERVICES;
			LoadedRecords.Loaded entry = service
					? context.loaded().required(line, "ServiceID", LegacyTable.SERVICES)
					: context.loaded().required(line, "ItemID", LegacyTable.ITEMS);
			if (policy == null) {
				policy = context.loaded().optional(line, "PolicyID", LegacyTable.POLICIES).map(LoadedRecords.Loaded::reference).orElse(null);
			}
			Claim.ItemComponent item = claim.addItem().setSequence(claim.getItem().size() + 1);
			item.setCategory(new CodeableConcept(new Coding(ClaimProfiles.ITEM_CATEGORY_SYSTEM, service ? "service" : "item", null)));
			item.getProductOrService().addCoding(new Coding(service ? CatalogueCodes.SERVICE_CODE : CatalogueCodes.ITEM_CODE, entry.fact("code"), null));
			line.required("QtyProvided");
			item.getQuantity().setValue(line.amount("QtyProvided"));
			line.required("PriceAsked");
			item.setUnitPrice(money(line.amount("PriceAsked"), currency));
		}
		if (claim.getItem().isEmpty()) {
			throw RowRefusal.missing(row, "tblClaimServices/tblClaimItems");
		}
		claim.addInsurance().setSequence(1).setFocal(true).setCoverage(policy != null
				? new Reference(policy) : new Reference().setDisplay("No policy recorded in openIMIS"));
		claim.setTotal(money(row.amount("Claimed"), currency));

		ClaimWorkflow.setStatus(claim, status);
		if (row.has("RejectionReason") && row.integer("RejectionReason", -2, 99, 0) != 0) {
			ClaimWorkflow.setRejectionReason(claim, rejection(row, "RejectionReason"));
		}
		if (row.has("ClaimCategory")) {
			ClaimWorkflow.setCategory(claim, category(row));
		}
		ClaimWorkflow.setReviewStatus(claim, ClaimWorkflow.Selection.of(String.valueOf(row.integer("ReviewStatus", 1, 16, 1))));
		ClaimWorkflow.setFeedbackStatus(claim, ClaimWorkflow.Selection.of(String.valueOf(row.integer("FeedbackStatus", 1, 16, 1))));
		if (row.date("DateProcessed") != null) {
			ClaimWorkflow.stampProcessed(claim, java.sql.Date.valueOf(row.date("DateProcessed")));
			claim.getExtensionByUrl(ClaimProfiles.WORKFLOW).getExtensionByUrl("processed")
					.setValue(new DateTimeType(row.date("DateProcessed").toString()));
		}

		ClaimResponse response = response(row, claim, lines, status, context);
		return new LegacyRecord(concat(row, lines), List.of(
				new LegacyRecord.Part(row.table(), row.id(), claim, Map.of()),
				new LegacyRecord.Part(row.table(), row.id(), response, Map.of())));
	}

	private static ClaimResponse response(LegacyRow row, Claim claim, List<LegacyRow> lines, ClaimStatus status, MappingContext context) {
		String currency = context.currency();
		ClaimResponse response = new ClaimResponse();
		response.setId(responseId(context, row.id()));
		response.getMeta().addProfile(ClaimProfiles.CLAIM_RESPONSE);
		response.addIdentifier().setType(RegistryRows.codeType()).setSystem(ClaimProfiles.CLAIM_CODE_SYSTEM)
				.setValue(row.required("ClaimCode"));
		response.addIdentifier(context.legacyIdentifier(row.table(), row.id()));
		response.setStatus(ClaimResponse.ClaimResponseStatus.ACTIVE);
		response.setType(claim.getType().copy());
		response.setUse(ClaimResponse.Use.CLAIM);
		response.setPatient(claim.getPatient().copy());
		response.setCreatedElement(new DateTimeType((row.date("DateProcessed") != null ? row.date("DateProcessed") : row.requiredDate("DateClaimed")).toString()));
		response.setInsurer(context.insurer().copy());
		response.setRequest(new Reference("Claim/" + claim.getIdElement().getIdPart()));
		response.setOutcome(ClaimResponse.RemittanceOutcome.fromCode(
				LegacyCodes.translate(LegacyCodes.CLAIM_STATUS, String.valueOf(status.code())).orElseThrow()));
		response.setDisposition(status.name().charAt(0) + status.name().substring(1).toLowerCase());
		boolean checked = status != ClaimStatus.ENTERED && status != ClaimStatus.REJECTED;
		for (int index = 0; index < lines.size(); index++) {
			LegacyRow line = lines.get(index);
			ClaimResponse.ItemComponent item = response.addItem().setItemSequence(index + 1);
			BigDecimal quantity = line.amount("QtyProvided");
			BigDecimal asked = line.amount("PriceAsked");
			String statusColumn = line.table() == LegacyTable.CLAIM_SERVICES ? "ClaimServiceStatus" : "ClaimItemStatus";
			boolean rejected = line.integer(statusColumn, 1, 2, 1) == 2;
			if (rejected) {
				adjudication(item, "1", line.has("RejectionReason") ? rejection(line, "RejectionReason") : RejectionReason.INVALID_CLAIM,
						BigDecimal.ZERO, quantity, currency);
				continue;
			}
			adjudication(item, "2", RejectionReason.ACCEPTED, quantity.multiply(asked), quantity, currency);
			if (checked) {
				BigDecimal approvedQuantity = line.optionalAmount("QtyApproved") != null ? line.amount("QtyApproved") : quantity;
				BigDecimal price = line.optionalAmount("PriceApproved") != null ? line.amount("PriceApproved")
						: line.optionalAmount("PriceAdjusted") != null ? line.amount("PriceAdjusted") : asked;
				adjudication(item, "4", RejectionReason.ACCEPTED, approvedQuantity.multiply(price), approvedQuantity, currency);
				if (status == ClaimStatus.VALUATED && line.optionalAmount("PriceValuated") != null) {
					adjudication(item, "16", RejectionReason.ACCEPTED, line.amount("PriceValuated"), approvedQuantity, currency);
				}
			}
		}
		total(response, "2", row.amount("Claimed"), currency);
		if (row.optionalAmount("Approved") != null) {
			total(response, "4", row.amount("Approved"), currency);
		}
		if (row.optionalAmount("Valuated") != null) {
			total(response, "16", row.amount("Valuated"), currency);
		}
		return response;
	}

	private static void diagnoses(LegacyRow row, Claim claim, Map<String, String> diagnosisCodes) {
		List<String> columns = List.of("ICDID", "ICDID1", "ICDID2", "ICDID3", "ICDID4");
		for (String column : columns) {
			if (!row.has(column)) {
				if ("ICDID".equals(column)) {
					throw RowRefusal.missing(row, column);
				}
				continue;
			}
			String code = diagnosisCodes.get(row.text(column));
			if (code == null) {
				throw RowRefusal.unknown(row, column, LegacyTable.DIAGNOSES);
			}
			claim.addDiagnosis().setSequence(claim.getDiagnosis().size() + 1).setDiagnosis(new CodeableConcept(
					new Coding(ClaimProfiles.IG + "CodeSystem/diagnosis-ICD10-level1", code, null)));
		}
	}

	private static ClaimStatus status(LegacyRow row) {
		int code = row.integer("ClaimStatus", 1, 16, null) == null ? 0 : row.integer("ClaimStatus", 1, 16, null);
		for (ClaimStatus status : ClaimStatus.values()) {
			if (status.code() == code) {
				return status;
			}
		}
		throw row.has("ClaimStatus") ? RowRefusal.invalid(row, "ClaimStatus") : RowRefusal.missing(row, "ClaimStatus");
	}

	private static RejectionReason rejection(LegacyRow row, String column) {
		try {
			return RejectionReason.ofCode(row.integer(column, -2, 99, 0));
		} catch (IllegalArgumentException e) {
			throw RowRefusal.invalid(row, column);
		}
	}

	private static ServiceCategory category(LegacyRow row) {
		String code = row.oneOf("ClaimCategory", Set.of("S", "D", "A", "H", "C", "O", "V"), null);
		for (ServiceCategory category : ServiceCategory.values()) {
			if (category.code().equals(code)) {
				return category;
			}
		}
		throw RowRefusal.invalid(row, "ClaimCategory");
	}

	private static void adjudication(ClaimResponse.ItemComponent item, String stage, RejectionReason reason,
			BigDecimal amount, BigDecimal quantity, String currency) {
		ClaimResponse.AdjudicationComponent adjudication = item.addAdjudication();
		adjudication.setCategory(new CodeableConcept(new Coding(ClaimProfiles.STATUS_SYSTEM, stage, stageName(stage))));
		adjudication.setReason(new CodeableConcept(new Coding(ClaimProfiles.REJECTION_SYSTEM, String.valueOf(reason.code()), null)));
		adjudication.setAmount(money(amount, currency));
		adjudication.setValue(quantity);
	}

	private static void total(ClaimResponse response, String stage, BigDecimal amount, String currency) {
		response.addTotal().setCategory(new CodeableConcept(new Coding(ClaimProfiles.STATUS_SYSTEM, stage, stageName(stage))))
				.setAmount(money(amount, currency));
	}

	static String stageName(String stage) {
		return switch (stage) {
			case "1" -> "Rejected";
			case "2" -> "Entered";
			case "4" -> "Checked";
			case "8" -> "Processed";
			default -> "Valuated";
		};
	}

	private static Money money(BigDecimal amount, String currency) {
		return new Money().setValue(amount).setCurrency(currency);
	}

	private static List<LegacyRow> concat(LegacyRow main, List<LegacyRow> lines) {
		return RegistryRows.concat(main, lines);
	}
}

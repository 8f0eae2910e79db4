package org.imisfhir.claim;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.imisfhir.claim.rules.AllowanceUsage;
import org.imisfhir.claim.rules.EarlierLine;
import org.imisfhir.claim.rules.MedicalRef;
import org.imisfhir.registry.catalogue.CatalogueCodes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads back what an adjudication recorded: passed lines, deductible and ceiling use, review decisions. */
public final class ClaimResponseReader {

	private ClaimResponseReader() {}

	/** The lines that passed on an earlier claim, with the quantity they kept (history for later claims). */
	public static List<EarlierLine> passedLines(Claim claim, ClaimResponse response, LocalDate target) {
		List<EarlierLine> lines = new ArrayList<>();
		for (ClaimResponse.ItemComponent item : response.getItem()) {
			Optional<ClaimResponse.AdjudicationComponent> checked = stage(item, "4");
			if (checked.isEmpty() || stage(item, "1").isPresent()) {
				continue;
			}
			Optional<MedicalRef> ref = claim.getItem().stream()
					.filter(line -> line.getSequence() == item.getItemSequence())
					.findFirst()
					.flatMap(ClaimResponseReader::ref);
			BigDecimal quantity = checked.get().getValue() == null ? BigDecimal.ZERO : checked.get().getValue();
			ref.ifPresent(r -> lines.add(new EarlierLine(r, target, quantity)));
		}
		return lines;
	}

	/** What the claim took from each policy's deductible and ceiling. */
	public static List<AllowanceUsage> usage(ClaimResponse response) {
		List<AllowanceUsage> usage = new ArrayList<>();
		String claimId = new IdType(response.getRequest().getReference()).toUnqualifiedVersionless().getValue();
		String insureeId = new IdType(response.getPatient().getReference()).toUnqualifiedVersionless().getValue();
		for (ClaimResponse.InsuranceComponent insurance : response.getInsurance()) {
			Extension record = insurance.getExtensionByUrl(ClaimProfiles.ALLOWANCE_USAGE);
			if (record == null) {
				continue;
			}
			String policyId = new IdType(insurance.getCoverage().getReference()).toUnqualifiedVersionless().getValue();
			usage.add(new AllowanceUsage(claimId, policyId, insureeId,
					((BooleanType) record.getExtensionByUrl("hospitalVisit").getValue()).booleanValue(),
					((DecimalType) record.getExtensionByUrl("deducted").getValue()).getValue(),
					((DecimalType) record.getExtensionByUrl("ceilingUsed").getValue()).getValue()));
		}
		return usage;
	}

	/** The medical officer's decisions kept on the response (adjudication "review"). */
	public static List<ReviewedLine> reviewed(ClaimResponse response) {
		List<ReviewedLine> reviewed = new ArrayList<>();
		if (response == null) {
			return reviewed;
		}
		for (ClaimResponse.ItemComponent item : response.getItem()) {
			for (ClaimResponse.AdjudicationComponent adjudication : item.getAdjudication()) {
				if (is(adjudication, ClaimProfiles.ADJUDICATION_SYSTEM, "review")) {
					boolean rejected = adjudication.getReason().getCoding().stream().anyMatch(c -> "-1".equals(c.getCode()));
					String justification = item.getNoteNumber().isEmpty() ? null : response.getProcessNote().stream()
							.filter(note -> note.getNumber() == item.getNoteNumber().get(0).getValue())
							.map(ClaimResponse.NoteComponent::getText)
							.findFirst().orElse(null);
					reviewed.add(new ReviewedLine(item.getItemSequence(), adjudication.getValue(),
							adjudication.hasAmount() ? adjudication.getAmount().getValue() : null, rejected,
							rejected ? justification : null));
				}
			}
		}
		return reviewed;
	}

	static Optional<ClaimResponse.AdjudicationComponent> stage(ClaimResponse.ItemComponent item, String status) {
		return item.getAdjudication().stream().filter(a -> is(a, ClaimProfiles.STATUS_SYSTEM, status)).findFirst();
	}

	static boolean is(ClaimResponse.AdjudicationComponent adjudication, String system, String code) {
		for (Coding coding : adjudication.getCategory().getCoding()) {
			if (system.equals(coding.getSystem()) && code.equals(coding.getCode())) {
				return true;
			}
		}
		return false;
	}

	static Optional<MedicalRef> ref(Claim.ItemComponent item) {
		for (Coding coding : item.getProductOrService().getCoding()) {
			if (CatalogueCodes.SERVICE_CODE.equals(coding.getSystem())) {
				return Optional.of(MedicalRef.service(coding.getCode()));
			}
			if (CatalogueCodes.ITEM_CODE.equals(coding.getSystem())) {
				return Optional.of(MedicalRef.item(coding.getCode()));
			}
		}
		return Optional.empty();
	}
}

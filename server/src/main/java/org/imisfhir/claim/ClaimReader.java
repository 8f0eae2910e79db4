package org.imisfhir.claim;

import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Identifier;
import org.imisfhir.claim.rules.ClaimLine;
import org.imisfhir.claim.rules.RejectionReason;
import org.imisfhir.claim.rules.VisitType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads a FHIR Claim as the claim rules see it. */
public final class ClaimReader {

	private ClaimReader() {}

	public static org.imisfhir.claim.rules.Claim read(Claim claim, List<ClaimContextLoader.LineSource> sources, List<ReviewedLine> reviewed) {
		List<ClaimLine> lines = new ArrayList<>();
		for (int index = 0; index < claim.getItem().size(); index++) {
			Claim.ItemComponent item = claim.getItem().get(index);
			BigDecimal quantity = item.getQuantity().getValue() == null ? BigDecimal.ZERO : item.getQuantity().getValue();
			BigDecimal price = item.getUnitPrice().getValue() == null ? BigDecimal.ZERO : item.getUnitPrice().getValue();
			ClaimLine line = new ClaimLine(sources.get(index).ref(), quantity, price, null, null, null);
			for (ReviewedLine review : reviewed) {
				if (review.sequence() == item.getSequence()) {
					line = line.approved(review.quantityApproved(), review.priceApproved());
					if (review.rejected()) {
						line = line.rejectedInReview(RejectionReason.MEDICAL_OFFICER);
					}
				}
			}
			lines.add(line);
		}
		LocalDate from = CatalogueEntryReader.date(claim.getBillablePeriod().getStartElement());
		LocalDate to = CatalogueEntryReader.date(claim.getBillablePeriod().getEndElement());
		return new org.imisfhir.claim.rules.Claim(code(claim), from, to, CatalogueEntryReader.date(claim.getCreatedElement()), visitType(claim), lines);
	}

	/** The claim code: the identifier of system claim-code, else the first identifier. */
	public static String code(Claim claim) {
		return claim.getIdentifier().stream()
				.filter(i -> ClaimProfiles.CLAIM_CODE_SYSTEM.equals(i.getSystem()))
				.map(Identifier::getValue)
				.findFirst()
				.orElseGet(() -> claim.getIdentifier().isEmpty() ? null : claim.getIdentifierFirstRep().getValue());
	}

	public static LocalDate targetDate(Claim claim) {
		LocalDate from = CatalogueEntryReader.date(claim.getBillablePeriod().getStartElement());
		return from != null ? from : CatalogueEntryReader.date(claim.getBillablePeriod().getEndElement());
	}

	static VisitType visitType(Claim claim) {
		String code = claim.getType().getCoding().stream()
				.filter(c -> ClaimProfiles.VISIT_TYPE_SYSTEM.equals(c.getSystem()))
				.map(c -> c.getCode())
				.findFirst()
				.orElse(null);
		for (VisitType type : VisitType.values()) {
			if (type.code().equals(code)) {
				return type;
			}
		}
		return VisitType.OTHER;
	}
}

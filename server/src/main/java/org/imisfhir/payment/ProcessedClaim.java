package org.imisfhir.payment;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;
import org.imisfhir.claim.ClaimProfiles;
import org.imisfhir.claim.ClaimReader;
import org.imisfhir.claim.rules.PriceOrigin;
import org.imisfhir.payment.rules.BatchClaim;
import org.imisfhir.payment.rules.BatchClaimLine;
import org.imisfhir.payment.rules.CareType;
import org.imisfhir.payment.rules.FacilityLevel;
import org.imisfhir.payment.rules.RelativeIndexes;
import org.imisfhir.payment.rules.RemunerationCalculator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A processed claim as the batch run reads it from the claim and its ClaimResponse: facility, when it was
 * processed, in- or out-patient (the hospital-visit decision recorded on the response), and per line the product,
 * the price origin and the valuated amount (the stage-8 amount). Also writes a remuneration onto the response and
 * takes it off again.
 */
public record ProcessedClaim(
		String claimId,
		String code,
		String facilityId,
		LocalDateTime processedAt,
		CareType careType,
		BigDecimal claimed,
		BigDecimal approved,
		List<Line> lines) {

	public static final String STAGE_VALUATED = "16";
	public static final String REMUNERATED = "remunerated";

	/** A line of the claim; {@code product} is null for a rejected line. */
	public record Line(int sequence, String product, PriceOrigin priceOrigin, boolean passed, BigDecimal valuated) {}

	/** What the batch run pays for the claim: each line's amount by sequence, the total and the index used. */
	public record Payment(Map<Integer, BigDecimal> lineAmounts, BigDecimal total, String product, BigDecimal index) {}

	public static ProcessedClaim of(Claim claim, ClaimResponse response) {
		Extension workflow = claim.getExtensionByUrl(ClaimProfiles.WORKFLOW);
		Extension processed = workflow == null ? null : workflow.getExtensionByUrl("processed");
		LocalDateTime processedAt = processed == null ? null
				: LocalDateTime.ofInstant(((DateTimeType) processed.getValue()).getValue().toInstant(), ZoneId.systemDefault());
		boolean hospital = response.getInsurance().stream()
				.map(insurance -> insurance.getExtensionByUrl(ClaimProfiles.ALLOWANCE_USAGE))
				.filter(usage -> usage != null && usage.getExtensionByUrl("hospitalVisit") != null)
				.map(usage -> ((BooleanType) usage.getExtensionByUrl("hospitalVisit").getValue()).booleanValue())
				.findFirst().orElse(false);
		List<Line> lines = new ArrayList<>();
		for (ClaimResponse.ItemComponent item : response.getItem()) {
			Optional<ClaimResponse.AdjudicationComponent> processedStage = stage(item, ClaimProfiles.STATUS_SYSTEM, "8");
			boolean rejected = stage(item, ClaimProfiles.STATUS_SYSTEM, "1").isPresent();
			Extension assignment = item.getExtensionByUrl(ClaimProfiles.LINE_ASSIGNMENT);
			String product = part(assignment, "product");
			PriceOrigin origin = originOf(part(assignment, "priceOrigin"));
			boolean passed = !rejected && processedStage.isPresent() && product != null;
			BigDecimal valuated = processedStage.map(a -> amount(a.getAmount())).orElse(BigDecimal.ZERO);
			lines.add(new Line(item.getItemSequence(), product, origin, passed, valuated));
		}
		String facility = claim.getProvider().getReferenceElement().getIdPart();
		return new ProcessedClaim(claim.getIdElement().getIdPart(), ClaimReader.code(claim), facility, processedAt,
				hospital ? CareType.IN_PATIENT : CareType.OUT_PATIENT,
				total(response, "2"), total(response, "8"), lines);
	}

	/** The product the claim is paid from on the statement: that of its first relative-priced line, else of its first passed line. */
	public String product() {
		return lines.stream().filter(l -> l.passed() && l.priceOrigin() == PriceOrigin.RELATIVE).map(Line::product).findFirst()
				.or(() -> lines.stream().filter(Line::passed).map(Line::product).findFirst())
				.orElse(null);
	}

	/** The claim as the index rules see it for one product: only that product's lines. */
	public BatchClaim forIndex(String productCode, FacilityLevel facilityLevel) {
		List<BatchClaimLine> own = lines.stream()
				.filter(l -> productCode.equals(l.product()))
				.map(l -> new BatchClaimLine(l.priceOrigin() == null ? PriceOrigin.PRICE_LIST : l.priceOrigin(), l.passed(), l.valuated()))
				.toList();
		return new BatchClaim(code == null ? claimId : code, facilityId, facilityLevel, careType, processedAt, own);
	}

	/**
	 * The remuneration of every passed line: index x valuated for a relative-priced line (the index of its
	 * product and of the claim's care type), the valuated amount otherwise; the claim total rounded half-up to
	 * the cent once (rule-decisions 8, 25). Empty when a relative-priced line's index does not close in this run.
	 */
	public Optional<Payment> pay(Map<String, RelativeIndexes> indexes) {
		RemunerationCalculator calculator = new RemunerationCalculator();
		Map<Integer, BigDecimal> amounts = new LinkedHashMap<>();
		BigDecimal usedIndex = null;
		for (Line line : lines) {
			if (!line.passed()) {
				continue;
			}
			BigDecimal index = BigDecimal.ONE;
			if (line.priceOrigin() == PriceOrigin.RELATIVE) {
				RelativeIndexes productIndexes = indexes.get(line.product());
				Optional<BigDecimal> found = productIndexes == null ? Optional.of(BigDecimal.ONE) : productIndexes.indexFor(careType);
				if (found.isEmpty()) {
					return Optional.empty();
				}
				index = found.get();
				if (usedIndex == null) {
					usedIndex = index;
				}
			}
			amounts.put(line.sequence(), calculator.lineAmount(
					new BatchClaimLine(line.priceOrigin() == null ? PriceOrigin.PRICE_LIST : line.priceOrigin(), true, line.valuated()), index));
		}
		BigDecimal total = amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
				.setScale(RemunerationCalculator.MONEY_SCALE, RoundingMode.HALF_UP);
		return Optional.of(new Payment(amounts, total, product(), usedIndex == null ? BigDecimal.ONE : usedIndex));
	}

	/** Writes the remuneration on the response: per passed line a stage-16 adjudication (the valuated amount) and the remunerated amount; totals 16 and remunerated. */
	public static void applyTo(ClaimResponse response, Payment payment, String currency) {
		clear(response);
		BigDecimal valuated = BigDecimal.ZERO;
		for (ClaimResponse.ItemComponent item : response.getItem()) {
			BigDecimal remunerated = payment.lineAmounts().get(item.getItemSequence());
			Optional<ClaimResponse.AdjudicationComponent> processed = stage(item, ClaimProfiles.STATUS_SYSTEM, "8");
			if (remunerated == null || processed.isEmpty()) {
				continue;
			}
			BigDecimal lineValuated = amount(processed.get().getAmount());
			valuated = valuated.add(lineValuated);
			ClaimResponse.AdjudicationComponent stage16 = item.addAdjudication()
					.setCategory(new CodeableConcept(new Coding(ClaimProfiles.STATUS_SYSTEM, STAGE_VALUATED, "Valuated")))
					.setReason(processed.get().getReason().copy())
					.setAmount(money(lineValuated, currency));
			if (processed.get().hasValue()) {
				stage16.setValue(processed.get().getValue());
			}
			item.addAdjudication()
					.setCategory(new CodeableConcept(new Coding(ClaimProfiles.ADJUDICATION_SYSTEM, REMUNERATED, null)))
					.setAmount(money(remunerated, currency));
		}
		response.addTotal()
				.setCategory(new CodeableConcept(new Coding(ClaimProfiles.STATUS_SYSTEM, STAGE_VALUATED, "Valuated")))
				.setAmount(money(valuated.setScale(RemunerationCalculator.MONEY_SCALE, RoundingMode.HALF_UP), currency));
		response.addTotal()
				.setCategory(new CodeableConcept(new Coding(ClaimProfiles.ADJUDICATION_SYSTEM, REMUNERATED, null)))
				.setAmount(money(payment.total(), currency));
		response.setOutcome(ClaimResponse.RemittanceOutcome.COMPLETE);
		response.setDisposition("Valuated");
	}

	/** Takes a remuneration off the response again: the claim is processed, waiting for a batch run. */
	public static void clear(ClaimResponse response) {
		for (ClaimResponse.ItemComponent item : response.getItem()) {
			item.getAdjudication().removeIf(a -> is(a.getCategory(), ClaimProfiles.STATUS_SYSTEM, STAGE_VALUATED)
					|| is(a.getCategory(), ClaimProfiles.ADJUDICATION_SYSTEM, REMUNERATED));
		}
		response.getTotal().removeIf(t -> is(t.getCategory(), ClaimProfiles.STATUS_SYSTEM, STAGE_VALUATED)
				|| is(t.getCategory(), ClaimProfiles.ADJUDICATION_SYSTEM, REMUNERATED));
		response.setOutcome(ClaimResponse.RemittanceOutcome.PARTIAL);
		response.setDisposition("Processed");
	}

	/** The batch run a claim references, as a plain id ("Task/x" gives "x"), or null. */
	public static String batchRunOf(Claim claim) {
		Extension workflow = claim.getExtensionByUrl(ClaimProfiles.WORKFLOW);
		Extension run = workflow == null ? null : workflow.getExtensionByUrl("batchRun");
		return run == null ? null : ((Reference) run.getValue()).getReferenceElement().getIdPart();
	}

	/** Removes the batch-run reference from a claim's workflow. */
	public static void clearBatchRun(Claim claim) {
		Extension workflow = claim.getExtensionByUrl(ClaimProfiles.WORKFLOW);
		if (workflow != null) {
			workflow.getExtension().removeIf(e -> "batchRun".equals(e.getUrl()));
		}
	}

	static BigDecimal total(ClaimResponse response, String stage) {
		return response.getTotal().stream()
				.filter(t -> is(t.getCategory(), ClaimProfiles.STATUS_SYSTEM, stage))
				.map(t -> amount(t.getAmount()))
				.findFirst().orElse(BigDecimal.ZERO);
	}

	private static Optional<ClaimResponse.AdjudicationComponent> stage(ClaimResponse.ItemComponent item, String system, String code) {
		return item.getAdjudication().stream().filter(a -> is(a.getCategory(), system, code)).findFirst();
	}

	private static boolean is(CodeableConcept concept, String system, String code) {
		return concept.getCoding().stream().anyMatch(c -> system.equals(c.getSystem()) && code.equals(c.getCode()));
	}

	private static String part(Extension extension, String name) {
		if (extension == null) {
			return null;
		}
		Extension part = extension.getExtensionByUrl(name);
		Type value = part == null ? null : part.getValue();
		return value == null ? null : value.primitiveValue();
	}

	private static PriceOrigin originOf(String code) {
		for (PriceOrigin origin : PriceOrigin.values()) {
			if (origin.code().equals(code)) {
				return origin;
			}
		}
		return null;
	}

	private static BigDecimal amount(Money money) {
		return money == null || money.getValue() == null ? BigDecimal.ZERO : money.getValue();
	}

	private static Money money(BigDecimal amount, String currency) {
		Money money = new Money();
		money.setValue(amount);
		money.setCurrency(currency);
		return money;
	}
}

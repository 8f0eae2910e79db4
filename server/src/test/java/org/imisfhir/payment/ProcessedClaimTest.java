package org.imisfhir.payment;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.claim.ClaimProfiles;
import org.imisfhir.payment.rules.CareType;
import org.imisfhir.payment.rules.Period;
import org.imisfhir.payment.rules.PeriodType;
import org.imisfhir.payment.rules.RelativeIndex;
import org.imisfhir.payment.rules.RelativeIndexes;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a processed claim and writing its remuneration (rule-decisions 25; decision 0021 §5-6). */
class ProcessedClaimTest {

	private static final String CURRENCY = "XAF";

	@Test
	void relativeLinesArePaidIndexTimesValuatedOthersTheirValuatedAmount() {
		ProcessedClaim claim = ProcessedClaim.of(claim(), response());
		assertThat(claim.careType()).isEqualTo(CareType.OUT_PATIENT);
		assertThat(claim.product()).isEqualTo("RP1");
		assertThat(claim.claimed()).isEqualByComparingTo("16000");
		assertThat(claim.approved()).isEqualByComparingTo("12200");

		RelativeIndexes indexes = new RelativeIndexes(Map.of(CareType.BOTH, PeriodType.MONTH),
				List.of(new RelativeIndex(CareType.BOTH, Period.month(2026, 11), new BigDecimal("0.0502"))));
		ProcessedClaim.Payment payment = claim.pay(Map.of("RP1", indexes)).orElseThrow();

		// line 1 (R): 11,200 x 0.0502 = 562.24; line 2 (P): 1,000; line 3 rejected: nothing
		assertThat(payment.lineAmounts()).containsOnlyKeys(1, 2);
		assertThat(payment.lineAmounts().get(1)).isEqualByComparingTo("562.24");
		assertThat(payment.lineAmounts().get(2)).isEqualByComparingTo("1000");
		assertThat(payment.total()).isEqualByComparingTo("1562.24");
		assertThat(payment.total().scale()).isEqualTo(2);
		assertThat(payment.index()).isEqualByComparingTo("0.0502");
	}

	@Test
	void aClaimWaitsWhenItsQuarterlyIndexDoesNotCloseThisMonth() {
		ProcessedClaim claim = ProcessedClaim.of(claim(), response());
		RelativeIndexes notYet = new RelativeIndexes(Map.of(CareType.BOTH, PeriodType.QUARTER), List.of());
		assertThat(claim.pay(Map.of("RP1", notYet))).isEmpty();
	}

	@Test
	void theRemunerationIsWrittenOnTheResponseAndTakenBackWhole() {
		ClaimResponse response = response();
		ProcessedClaim claim = ProcessedClaim.of(claim(), response);
		RelativeIndexes indexes = new RelativeIndexes(Map.of(CareType.BOTH, PeriodType.MONTH),
				List.of(new RelativeIndex(CareType.BOTH, Period.month(2026, 11), new BigDecimal("0.0502"))));

		ProcessedClaim.applyTo(response, claim.pay(Map.of("RP1", indexes)).orElseThrow(), CURRENCY);

		assertThat(ProcessedClaim.total(response, "16")).isEqualByComparingTo("12200.00");
		assertThat(response.getTotal()).anyMatch(t -> t.getCategory().getCodingFirstRep().getCode().equals("remunerated")
				&& t.getAmount().getValue().compareTo(new BigDecimal("1562.24")) == 0);
		assertThat(response.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.COMPLETE);
		assertThat(response.getItem().get(0).getAdjudication()).hasSize(4);   // 2, 8, 16, remunerated

		ProcessedClaim.clear(response);
		assertThat(response.getItem().get(0).getAdjudication()).hasSize(2);
		assertThat(response.getTotal()).hasSize(2);
		assertThat(response.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.PARTIAL);
	}

	private static Claim claim() {
		Claim claim = new Claim();
		claim.setId("c1");
		claim.addIdentifier().setSystem(ClaimProfiles.CLAIM_CODE_SYSTEM).setValue("A1");
		claim.setProvider(new Reference("Organization/hf-rthc001"));
		Extension workflow = claim.addExtension().setUrl(ClaimProfiles.WORKFLOW);
		workflow.addExtension("status", new Coding(ClaimProfiles.STATUS_SYSTEM, "8", null));
		workflow.addExtension("processed", new DateTimeType("2026-11-20T10:00:00Z"));
		return claim;
	}

	private static ClaimResponse response() {
		ClaimResponse response = new ClaimResponse();
		response.setId("cr-c1");
		response.addInsurance().addExtension().setUrl(ClaimProfiles.ALLOWANCE_USAGE).addExtension("hospitalVisit", new BooleanType(false));
		item(response, 1, "R", "15000", "11200");
		item(response, 2, "P", "1000", "1000");
		ClaimResponse.ItemComponent rejected = response.addItem().setItemSequence(3);
		rejected.addAdjudication().setCategory(stage("1")).setAmount(money("0"));
		response.addTotal().setCategory(stage("2")).setAmount(money("16000"));
		response.addTotal().setCategory(stage("8")).setAmount(money("12200"));
		return response;
	}

	private static void item(ClaimResponse response, int sequence, String origin, String claimed, String approved) {
		ClaimResponse.ItemComponent item = response.addItem().setItemSequence(sequence);
		Extension assignment = item.addExtension().setUrl(ClaimProfiles.LINE_ASSIGNMENT);
		assignment.addExtension("product", new StringType("RP1"));
		assignment.addExtension("priceOrigin", new CodeType(origin));
		item.addAdjudication().setCategory(stage("2")).setAmount(money(claimed));
		item.addAdjudication().setCategory(stage("8")).setAmount(money(approved)).setValue(BigDecimal.ONE);
	}

	private static CodeableConcept stage(String code) {
		return new CodeableConcept(new Coding(ClaimProfiles.STATUS_SYSTEM, code, null));
	}

	private static Money money(String amount) {
		return new Money().setValue(new BigDecimal(amount)).setCurrency(CURRENCY);
	}
}

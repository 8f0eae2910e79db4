package org.imisfhir.enrolment.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Temporary numbers (decision 0027): their form, the blocks handed out, and who may use them. */
class TemporaryNumberRulesTest {

	private static final TemporaryNumberFormat TMP8 = new TemporaryNumberFormat("TMP", 8);

	@Test
	void aTemporaryNumberIsThePrefixAndAZeroPaddedSequence() {
		assertThat(TMP8.format(51)).isEqualTo("TMP00000051");
		assertThat(TMP8.format(99_999_999)).isEqualTo("TMP99999999");
		assertThat(TMP8.maxSequence()).isEqualTo(99_999_999L);
		assertThat(TMP8.sequenceOf("TMP00000051")).hasValue(51);
		assertThat(TMP8.sequenceOf("tmp00000051")).hasValue(51);
		assertThatThrownBy(() -> TMP8.format(100_000_000)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new TemporaryNumberFormat("", 8)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void numbersOfAnotherShapeHaveNoSequence() {
		assertThat(TMP8.sequenceOf("TMP0000051")).isEmpty(); // 7 digits
		assertThat(TMP8.sequenceOf("TMP0000005A")).isEmpty();
		assertThat(TMP8.sequenceOf("XYZ00000051")).isEmpty();
		assertThat(TMP8.sequenceOf("TMP00000000")).isEmpty(); // sequences start at 1
		assertThat(TMP8.sequenceOf(null)).isEmpty();
	}

	@Test
	void aTemporaryNumberIsNeverAValidPermanentNumber() {
		// without any length or check digit the rule would accept "TMP00000051"; the prefix refuses it
		InsuranceNumberRule rule = new InsuranceNumberRule(0, 0, Set.of(), "TMP");
		assertThat(rule.check("TMP00000051")).contains(InsuranceNumberRefusal.TEMPORARY);
		assertThat(rule.check("tmp00000051")).contains(InsuranceNumberRefusal.TEMPORARY);
		assertThat(rule.check("100000017")).isEmpty();
		assertThat(new InsuranceNumberRule(0, 0, Set.of()).check("TMP00000051")).isEmpty();
	}

	@Test
	void theNextBlockFollowsTheHighestAllocated() {
		TemporaryNumberAllocation allocation = new TemporaryNumberAllocation(TMP8, 1000);

		// nothing allocated yet: 50 numbers are 1..50; after a block ending at 50, the next 20 are 51..70
		assertThat(allocation.next(0, 50, "eo1", null).block()).isEqualTo(new TemporaryNumberBlock("eo1", null, 1, 50));
		TemporaryNumberBlock second = allocation.next(50, 20, "eo2", "tablet-7").block();
		assertThat(second).isEqualTo(new TemporaryNumberBlock("eo2", "tablet-7", 51, 70));
		assertThat(second.count()).isEqualTo(20);
		assertThat(second.contains(51)).isTrue();
		assertThat(second.contains(70)).isTrue();
		assertThat(second.contains(71)).isFalse();
	}

	@Test
	void aBlockHasOneToTheMaximumNumbersAndStaysWithinTheDigits() {
		TemporaryNumberAllocation allocation = new TemporaryNumberAllocation(new TemporaryNumberFormat("T", 2), 10);

		assertThat(allocation.next(0, 0, "eo", null).refusal()).isEqualTo(TemporaryNumberAllocation.Refusal.COUNT_OUT_OF_RANGE);
		assertThat(allocation.next(0, 11, "eo", null).refusal()).isEqualTo(TemporaryNumberAllocation.Refusal.COUNT_OUT_OF_RANGE);
		// two digits hold 1..99: after 95, a block of 4 ends at 99, a block of 5 would end at 100
		assertThat(allocation.next(95, 4, "eo", null).block().last()).isEqualTo(99);
		assertThat(allocation.next(95, 5, "eo", null).refusal()).isEqualTo(TemporaryNumberAllocation.Refusal.EXHAUSTED);
	}

	@Test
	void onlyTheOfficerAndDeviceOfTheBlockMayUseItsNumbers() {
		Optional<TemporaryNumberBlock> anyDevice = Optional.of(new TemporaryNumberBlock("eo1", null, 1, 50));
		Optional<TemporaryNumberBlock> tablet = Optional.of(new TemporaryNumberBlock("eo1", "tablet-7", 51, 70));

		assertThat(TemporaryNumberCheck.check(TMP8, "TMP00000007", anyDevice, "eo1", null)).isEmpty();
		assertThat(TemporaryNumberCheck.check(TMP8, "TMP00000007", anyDevice, "eo1", "phone-2")).isEmpty();
		assertThat(TemporaryNumberCheck.check(TMP8, "TMP00000007", anyDevice, "eo2", null)).contains(TemporaryNumberCheck.Refusal.NOT_ALLOCATED);
		assertThat(TemporaryNumberCheck.check(TMP8, "TMP00000007", anyDevice, null, null)).contains(TemporaryNumberCheck.Refusal.NOT_ALLOCATED);
		assertThat(TemporaryNumberCheck.check(TMP8, "TMP00000099", Optional.empty(), "eo1", null)).contains(TemporaryNumberCheck.Refusal.NOT_ALLOCATED);
		assertThat(TemporaryNumberCheck.check(TMP8, "TMP00000055", tablet, "eo1", "tablet-7")).isEmpty();
		assertThat(TemporaryNumberCheck.check(TMP8, "TMP00000055", tablet, "eo1", "phone-2")).contains(TemporaryNumberCheck.Refusal.OTHER_DEVICE);
		assertThat(TemporaryNumberCheck.check(TMP8, "TMP00000055", tablet, "eo1", null)).contains(TemporaryNumberCheck.Refusal.OTHER_DEVICE);
		assertThat(TemporaryNumberCheck.check(TMP8, "TMP55", tablet, "eo1", "tablet-7")).contains(TemporaryNumberCheck.Refusal.MALFORMED);
	}
}

package org.imisfhir.enrolment.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Members are aged on the enrol date 15 Mar 2024 unless a test says otherwise. */
class PolicyValueCalculatorTest {

	private static final LocalDate ENROL = LocalDate.parse("2024-03-15");
	private static final LocalDate FREE_START = ENROL;
	private static final Integer HEAD = null;
	private static final Integer SPOUSE = 8;
	private static final Integer SON = 4;
	private static final Integer GRANDPARENT = 5;

	private final PolicyValueCalculator calculator = new PolicyValueCalculator();

	private static BigDecimal money(String amount) {
		return new BigDecimal(amount);
	}

	private static ProductTerms.Builder perMember() {
		return ProductTerms.builder().premiumAdult(money("3000")).premiumChild(money("1500"));
	}

	private static ProductTerms.Builder lumpSum(int threshold) {
		return perMember().lumpSum(money("10000")).threshold(threshold);
	}

	/** Builds a family in registration order. */
	private static final class Family {
		private final List<Member> members = new ArrayList<>();

		Family adults(int count) {
			return add(count, "1980-01-01", SPOUSE);
		}

		Family children(int count) {
			return add(count, "2015-01-01", SON);
		}

		Family otherAdults(int count) {
			return add(count, "1970-01-01", Member.OTHERS);
		}

		Family otherChildren(int count) {
			return add(count, "2016-01-01", Member.OTHERS);
		}

		Family add(int count, String birthDate, Integer relationship) {
			for (int i = 0; i < count; i++) {
				members.add(new Member(LocalDate.parse(birthDate), members.isEmpty() ? HEAD : relationship, members.size() + 1));
			}
			return this;
		}

		List<Member> members() {
			return List.copyOf(members);
		}
	}

	private static Family family() {
		return new Family();
	}

	private PolicyValue newPolicy(ProductTerms product, Family family) {
		return calculator.calculate(product, Enrolment.newPolicy(ENROL), FREE_START, family.members());
	}

	@Test
	void lumpSumCoversAFamilyWithinTheThreshold() {
		// 2 adults + 2 children = 4 <= threshold 4: lump sum 10000 only
		PolicyValue value = newPolicy(lumpSum(4).build(), family().adults(2).children(2));

		assertEquals(money("10000.00"), value.value());
		assertEquals(0, value.membersCharged());
		assertEquals(4, value.membersCounted());
	}

	@Test
	void lumpSumPlusExtraAdultsAndChildrenBeyondTheThreshold() {
		// threshold 3 filled by 3 of the 4 adults: extra 1 adult, 2 children
		// 10000 + 1 x 3000 + 2 x 1500 = 16000
		PolicyValue value = newPolicy(lumpSum(3).build(), family().adults(4).children(2));

		assertEquals(money("16000.00"), value.value());
		assertEquals(new MemberCounts(4, 2, 1, 2, 0, 0, 0), value.counts());
		assertEquals(3, value.membersCharged());
	}

	@Test
	void thresholdIsFilledByAdultsBeforeChildren() {
		// threshold 2: the adult takes one slot, one child the other; 2 children extra
		// 10000 + 2 x 1500 = 13000 (children first would give 10000 + 3000 + 1500 = 14500)
		PolicyValue value = newPolicy(lumpSum(2).build(), family().adults(1).children(3));

		assertEquals(money("13000.00"), value.value());
	}

	@Test
	void lumpSumWithoutThresholdCoversEveryRelative() {
		// no threshold: 5 adults are all in the lump sum of 10000
		PolicyValue value = newPolicy(lumpSum(0).build(), family().adults(5));

		assertEquals(money("10000.00"), value.value());
	}

	@Test
	void withoutLumpSumEveryMemberPaysThePremiumOfTheirAgeGroup() {
		// 2 x 3000 + 3 x 1500 = 10500
		PolicyValue value = newPolicy(perMember().build(), family().adults(2).children(3));

		assertEquals(money("10500.00"), value.value());
		assertEquals(5, value.membersCharged());
	}

	@Test
	void rule_decisions_6_thresholdWithoutLumpSumHasNoEffect() {
		// threshold 2 ignored: 3 x 3000 + 1 x 1500 = 10500
		PolicyValue value = newPolicy(perMember().threshold(2).build(), family().adults(3).children(1));

		assertEquals(money("10500.00"), value.value());
		assertEquals(new MemberCounts(3, 1, 0, 0, 0, 0, 0), value.counts());
	}

	@Test
	void rule_decisions_6_productWithThresholdButNoLumpSumIsRefusedOnlyWhenTheSchemeSaysSo() {
		ProductTerms product = perMember().threshold(2).build();

		assertTrue(ThresholdWithoutLumpSumRule.acceptingByDefault().accepts(product));
		assertFalse(new ThresholdWithoutLumpSumRule(true).accepts(product));
		assertTrue(new ThresholdWithoutLumpSumRule(true).accepts(lumpSum(2).build()));
	}

	@Test
	void rule_decisions_5_othersPayOnTopOfTheLumpSumOutsideTheThreshold() {
		// 3 relatives fill threshold 3; the other adult and other child pay 3000 + 1500
		// 10000 + 4500 = 14500 (counted as relatives, 3 adults would fill the threshold: 10000 + 2 x 1500 = 13000)
		PolicyValue value = newPolicy(lumpSum(3).build(), family().adults(2).children(1).otherAdults(1).otherChildren(1));

		assertEquals(money("14500.00"), value.value());
		assertEquals(new MemberCounts(2, 1, 0, 0, 1, 1, 0), value.counts());
		assertEquals(2, value.membersCharged());
	}

	@Test
	void rule_decisions_5_othersWithoutLumpSumPayLikeEveryoneElse() {
		// 1 x 3000 + other adult 3000 + other child 1500 = 7500
		PolicyValue value = newPolicy(perMember().build(), family().adults(1).otherAdults(1).otherChildren(1));

		assertEquals(money("7500.00"), value.value());
	}

	@Test
	void rule_decisions_7_maxMembersKeepsTheFirstRegistered() {
		// registered: adult, child, child, adult, adult; max 3 keeps adult + 2 children
		// contribution 3000 + 2 x 1500 = 6000; general assembly 3 x 100 = 300; total 6300
		// (adults first would keep 3 adults: 9000 + 300; the last registered: 2 adults + 1 child: 7500 + 300)
		List<Member> registered = List.of(
				new Member(LocalDate.parse("2015-05-05"), SON, 3),
				new Member(LocalDate.parse("1975-05-05"), SPOUSE, 4),
				new Member(LocalDate.parse("1980-05-05"), HEAD, 1),
				new Member(LocalDate.parse("1950-05-05"), GRANDPARENT, 5),
				new Member(LocalDate.parse("2012-05-05"), SON, 2));
		ProductTerms product = perMember().maxMembers(3).generalAssemblyFee(money("100")).build();

		PolicyValue value = calculator.calculate(product, Enrolment.newPolicy(ENROL), FREE_START, registered);

		assertEquals(money("6300.00"), value.value());
		assertEquals(new MemberCounts(1, 2, 0, 0, 0, 0, 2), value.counts());
		assertTrue(value.exceedsMaxMembers());
	}

	@Test
	void familyWithinMaxMembersRaisesNoWarning() {
		PolicyValue value = newPolicy(perMember().maxMembers(3).build(), family().adults(3));

		assertFalse(value.exceedsMaxMembers());
		assertEquals(money("9000.00"), value.value());
	}

	@Test
	void productWithoutMaxMembersCountsEveryone() {
		// max members 0 = no limit: 6 x 3000 = 18000, no warning
		PolicyValue value = newPolicy(perMember().build(), family().adults(6));

		assertFalse(value.exceedsMaxMembers());
		assertEquals(6, value.membersCounted());
		assertEquals(money("18000.00"), value.value());
	}

	@Test
	void generalAssemblyLumpSumWinsOverTheFee() {
		// 3 x 3000 + assembly lump sum 500 (not 3 x 100) = 9500
		PolicyValue value = newPolicy(perMember().generalAssemblyLumpSum(money("500")).generalAssemblyFee(money("100")).build(),
				family().adults(3));

		assertEquals(money("9500.00"), value.value());
		assertEquals(money("500"), value.generalAssembly());
	}

	@Test
	void generalAssemblyFeeIsChargedPerMember() {
		// 2 x 3000 + 2 x 1500 = 9000; assembly 4 x 100 = 400; total 9400
		PolicyValue value = newPolicy(perMember().generalAssemblyFee(money("100")).build(), family().adults(2).children(2));

		assertEquals(money("9400.00"), value.value());
		assertEquals(0, money("400").compareTo(value.generalAssembly()));
	}

	@Test
	void registrationLumpSumWinsOverTheFee() {
		// 3 x 3000 + registration lump sum 2000 = 11000
		PolicyValue value = newPolicy(perMember().registrationLumpSum(money("2000")).registrationFee(money("300")).build(),
				family().adults(3));

		assertEquals(money("11000.00"), value.value());
	}

	@Test
	void registrationFeeIsChargedPerMember() {
		// 3 x 3000 + 3 x 300 = 9900
		PolicyValue value = newPolicy(perMember().registrationFee(money("300")).build(), family().adults(3));

		assertEquals(money("9900.00"), value.value());
		assertEquals(0, money("900").compareTo(value.registration()));
	}

	@Test
	void renewalPaysNoRegistration() {
		// 3 x 3000 = 9000, registration lump sum 2000 not charged on renewal
		ProductTerms product = perMember().registrationLumpSum(money("2000")).build();

		PolicyValue value = calculator.calculate(product, Enrolment.renewal(ENROL, LocalDate.parse("2024-03-14")), ENROL,
				family().adults(3).members());

		assertEquals(money("9000.00"), value.value());
		assertEquals(0, value.registration().signum());
	}

	@Test
	void everyPartTogether() {
		// threshold 2 on 3 adults + 1 child: extra 1 adult, 1 child; plus 1 other child
		// contribution 10000 + 3000 + 1500 + 1500 = 16000
		// assembly 5 x 50 = 250; registration 5 x 200 = 1000; total 17250
		ProductTerms product = lumpSum(2).generalAssemblyFee(money("50")).registrationFee(money("200")).build();

		PolicyValue value = newPolicy(product, family().adults(3).children(1).otherChildren(1));

		assertEquals(money("17250.00"), value.value());
		assertEquals(0, money("16000").compareTo(value.contribution()));
	}

	private static ProductTerms.Builder cycleProductWithEnrolmentDiscount() {
		// 10 % when entered at least 2 months before the start
		return perMember()
				.startCycles(MonthDay.of(6, 1), MonthDay.of(11, 1))
				.registrationLumpSum(money("1000"))
				.enrolmentDiscount(money("10"), 2);
	}

	@Test
	void enrolmentDiscountAppliesWhenEnteredEarlyEnough() {
		// start 1 Jun 2024 - 2 months = 1 Apr 2024 >= enrol 15 Mar
		// 2 x 3000 + registration 1000 = 7000, less 10 % = 6300
		PolicyValue value = calculator.calculate(cycleProductWithEnrolmentDiscount().build(), Enrolment.newPolicy(ENROL),
				LocalDate.parse("2024-06-01"), family().adults(2).members());

		assertEquals(money("6300.00"), value.value());
		assertEquals(0, money("700").compareTo(value.discount()));
	}

	@Test
	void enrolmentDiscountAppliesOnTheLastDayItIsOffered() {
		// enrol 1 Apr 2024 = 1 Jun 2024 - 2 months: 7000 less 10 % = 6300
		PolicyValue value = calculator.calculate(cycleProductWithEnrolmentDiscount().build(),
				Enrolment.newPolicy(LocalDate.parse("2024-04-01")), LocalDate.parse("2024-06-01"), family().adults(2).members());

		assertEquals(money("6300.00"), value.value());
	}

	@Test
	void enrolmentDiscountDoesNotApplyWhenEnteredTooLate() {
		// enrol 2 Apr 2024 is after 1 Apr 2024: 7000
		PolicyValue value = calculator.calculate(cycleProductWithEnrolmentDiscount().build(),
				Enrolment.newPolicy(LocalDate.parse("2024-04-02")), LocalDate.parse("2024-06-01"), family().adults(2).members());

		assertEquals(money("7000.00"), value.value());
		assertEquals(0, value.discount().signum());
	}

	@Test
	void enrolmentDiscountNeedsAProductWithCycles() {
		// free cycle, starting 1 Jun after a long administration period: no discount, 2 x 3000 = 6000
		ProductTerms product = perMember().enrolmentDiscount(money("10"), 2).build();

		PolicyValue value = calculator.calculate(product, Enrolment.newPolicy(ENROL), LocalDate.parse("2024-06-01"),
				family().adults(2).members());

		assertEquals(money("6000.00"), value.value());
	}

	private static ProductTerms renewalDiscountProduct() {
		// 5 % on renewals entered at least 1 month before the previous expiry + 1 day
		return lumpSum(0).renewalDiscount(money("5"), 1).build();
	}

	@Test
	void rule_decisions_4_renewalDiscountAppliesWhenTheRenewalIsEnteredEarly() {
		// previous expiry 31 May 2024: 1 Jun - 1 month = 1 May 2024 >= entered 20 Apr
		// 10000 less 5 % = 9500
		PolicyValue value = calculator.calculate(renewalDiscountProduct(),
				Enrolment.renewal(LocalDate.parse("2024-04-20"), LocalDate.parse("2024-05-31")), LocalDate.parse("2024-06-01"),
				family().adults(2).members());

		assertEquals(money("9500.00"), value.value());
	}

	@Test
	void rule_decisions_4_renewalDiscountAppliesOnTheLastDayItIsOffered() {
		PolicyValue value = calculator.calculate(renewalDiscountProduct(),
				Enrolment.renewal(LocalDate.parse("2024-05-01"), LocalDate.parse("2024-05-31")), LocalDate.parse("2024-06-01"),
				family().adults(2).members());

		assertEquals(money("9500.00"), value.value());
	}

	@Test
	void rule_decisions_4_renewalEnteredLateGetsNoDiscount() {
		// entered 2 May 2024, after 1 May: 10000 (comparing previous expiry + 1 instead would always discount)
		PolicyValue value = calculator.calculate(renewalDiscountProduct(),
				Enrolment.renewal(LocalDate.parse("2024-05-02"), LocalDate.parse("2024-05-31")), LocalDate.parse("2024-06-01"),
				family().adults(2).members());

		assertEquals(money("10000.00"), value.value());
	}

	@Test
	void renewalDiscountDoesNotApplyToANewPolicy() {
		PolicyValue value = calculator.calculate(renewalDiscountProduct(), Enrolment.newPolicy(LocalDate.parse("2024-04-20")),
				LocalDate.parse("2024-06-01"), family().adults(2).members());

		assertEquals(money("10000.00"), value.value());
	}

	@Test
	void rule_decisions_8_roundingHappensOnlyOnTheFinalAmount() {
		// 3 x 33.335 = 100.005 -> 100.01 (rounding each premium first: 3 x 33.34 = 100.02)
		ProductTerms product = ProductTerms.builder().premiumAdult(money("33.335")).build();

		PolicyValue value = newPolicy(product, family().adults(3));

		assertEquals(money("100.01"), value.value());
	}

	@Test
	void rule_decisions_8_discountIsTakenFromTheUnroundedAmount() {
		// 100.005 less 10 % (10.0005) = 90.0045 -> 90.00 (rounding before the discount: 100.01 x 0.9 = 90.009 -> 90.01)
		ProductTerms product = ProductTerms.builder()
				.premiumAdult(money("33.335"))
				.startCycles(MonthDay.of(6, 1))
				.enrolmentDiscount(money("10"), 1)
				.build();

		PolicyValue value = calculator.calculate(product, Enrolment.newPolicy(ENROL), LocalDate.parse("2024-06-01"),
				family().adults(3).members());

		assertEquals(money("90.00"), value.value());
		assertEquals(money("10.0005"), value.discount().stripTrailingZeros());
	}

	@Test
	void rule_decisions_2_memberIsAnAdultFromTheirEighteenthBirthdayOnTheEnrolDate() {
		// born 15 Mar 2006: 18 on 15 Mar 2024, adult 3000; born 16 Mar 2006: child 1500; total 4500
		List<Member> members = List.of(
				new Member(LocalDate.parse("2006-03-15"), HEAD, 1),
				new Member(LocalDate.parse("2006-03-16"), SPOUSE, 2));

		PolicyValue value = calculator.calculate(perMember().build(), Enrolment.newPolicy(ENROL), FREE_START, members);

		assertEquals(money("4500.00"), value.value());
		assertEquals(new MemberCounts(1, 1, 0, 0, 0, 0, 0), value.counts());
	}

	@Test
	void rule_decisions_2_ageOfMajorityIsConfigurable() {
		// with majority at 21 an 18-year-old is a child: 2 x 1500 = 3000
		List<Member> members = List.of(
				new Member(LocalDate.parse("2006-03-15"), HEAD, 1),
				new Member(LocalDate.parse("2006-03-16"), SPOUSE, 2));

		PolicyValue value = new PolicyValueCalculator(21).calculate(perMember().build(), Enrolment.newPolicy(ENROL),
				FREE_START, members);

		assertEquals(money("3000.00"), value.value());
	}

	@Test
	void rule_decisions_2_memberBornOnTwentyNinthOfFebruaryComesOfAgeOnFirstOfMarch() {
		// born 29 Feb 2008: child on 28 Feb 2026 (1500), adult on 1 Mar 2026 (3000)
		List<Member> members = List.of(new Member(LocalDate.parse("2008-02-29"), HEAD, 1));

		PolicyValue before = calculator.calculate(perMember().build(), Enrolment.newPolicy(LocalDate.parse("2026-02-28")),
				LocalDate.parse("2026-02-28"), members);
		PolicyValue after = calculator.calculate(perMember().build(), Enrolment.newPolicy(LocalDate.parse("2026-03-01")),
				LocalDate.parse("2026-03-01"), members);

		assertEquals(money("1500.00"), before.value());
		assertEquals(money("3000.00"), after.value());
	}

	@Test
	void fixedCycleCoverUlthaForAFamilyOfFour() {
		// FCUL0001: enrolled 15 Mar 2024, starts 1 Jun 2024, expires 31 May 2025
		// 2 adults + 2 children at 4000 each = 16000
		ProductTerms fcul = DemoProducts.fixedCycleCoverUltha().build();
		Enrolment enrolment = Enrolment.newPolicy(ENROL);
		PolicyDates dates = new PolicyPeriodCalculator().calculate(fcul, enrolment);

		PolicyValue value = calculator.calculate(fcul, enrolment, dates.startDate(), family().adults(2).children(2).members());

		assertEquals(LocalDate.parse("2024-06-01"), dates.startDate());
		assertEquals(LocalDate.parse("2025-05-31"), dates.expiryDate());
		assertEquals(money("16000.00"), value.value());
	}
}

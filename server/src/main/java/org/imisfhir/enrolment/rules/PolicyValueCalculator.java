package org.imisfhir.enrolment.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The value of a policy from its product's prices and the family's members (openIMIS
 * {@code uspPolicyValue}, as settled by rule-decisions 2 and 5 to 8).
 */
public final class PolicyValueCalculator {

	public static final int DEFAULT_AGE_OF_MAJORITY = 18;

	private final int ageOfMajority;

	public PolicyValueCalculator() {
		this(DEFAULT_AGE_OF_MAJORITY);
	}

	public PolicyValueCalculator(int ageOfMajority) {
		if (ageOfMajority < 1) {
			throw new IllegalArgumentException("age of majority must be positive: " + ageOfMajority);
		}
		this.ageOfMajority = ageOfMajority;
	}

	/** @param startDate the policy's start date, which decides the enrolment discount */
	public PolicyValue calculate(ProductTerms product, Enrolment enrolment, LocalDate startDate, List<Member> members) {
		MemberCounts counts = count(product, enrolment.enrolDate(), members);
		BigDecimal contribution = contribution(product, counts);
		BigDecimal generalAssembly = perFamilyOrPerMember(product.generalAssemblyLumpSum(), product.generalAssemblyFee(), counts);
		BigDecimal registration = enrolment.isNew()
				? perFamilyOrPerMember(product.registrationLumpSum(), product.registrationFee(), counts)
				: BigDecimal.ZERO;
		BigDecimal gross = contribution.add(generalAssembly).add(registration);
		BigDecimal discount = gross.multiply(discountPercent(product, enrolment, startDate)).movePointLeft(2);
		BigDecimal value = gross.subtract(discount).setScale(2, RoundingMode.HALF_UP);
		boolean exceedsMaxMembers = product.maxMembers() > 0 && members.size() > product.maxMembers();
		return new PolicyValue(value, contribution, generalAssembly, registration, discount, counts,
				membersCharged(product, counts), exceedsMaxMembers);
	}

	/**
	 * Members beyond max members are left out, latest registered first (rule-decisions 7). The
	 * threshold of a lump-sum product is filled by adults, then children; "Others" stay outside it
	 * (rule-decisions 5). Without a lump sum the threshold has no effect (rule-decisions 6).
	 */
	MemberCounts count(ProductTerms product, LocalDate enrolDate, List<Member> members) {
		List<Member> inOrder = members.stream().sorted(Comparator.comparingInt(Member::registrationOrder)).toList();
		List<Member> counted = product.maxMembers() > 0 && inOrder.size() > product.maxMembers()
				? inOrder.subList(0, product.maxMembers())
				: inOrder;
		int adults = 0;
		int children = 0;
		int otherAdults = 0;
		int otherChildren = 0;
		for (Member member : counted) {
			boolean adult = member.isAdultOn(enrolDate, ageOfMajority);
			if (member.isOther()) {
				if (adult) {
					otherAdults++;
				} else {
					otherChildren++;
				}
			} else if (adult) {
				adults++;
			} else {
				children++;
			}
		}
		int extraAdults = 0;
		int extraChildren = 0;
		if (product.hasLumpSum() && product.threshold() > 0) {
			extraAdults = Math.max(0, adults - product.threshold());
			int slotsLeftForChildren = Math.max(0, product.threshold() - adults);
			extraChildren = Math.max(0, children - slotsLeftForChildren);
		}
		return new MemberCounts(adults, children, extraAdults, extraChildren, otherAdults, otherChildren,
				inOrder.size() - counted.size());
	}

	private static BigDecimal contribution(ProductTerms product, MemberCounts counts) {
		BigDecimal others = times(product.premiumAdult(), counts.otherAdults())
				.add(times(product.premiumChild(), counts.otherChildren()));
		if (product.hasLumpSum()) {
			return product.lumpSum()
					.add(times(product.premiumAdult(), counts.extraAdults()))
					.add(times(product.premiumChild(), counts.extraChildren()))
					.add(others);
		}
		return times(product.premiumAdult(), counts.adults())
				.add(times(product.premiumChild(), counts.children()))
				.add(others);
	}

	private static int membersCharged(ProductTerms product, MemberCounts counts) {
		int others = counts.otherAdults() + counts.otherChildren();
		return product.hasLumpSum()
				? counts.extraAdults() + counts.extraChildren() + others
				: counts.counted();
	}

	private static BigDecimal perFamilyOrPerMember(BigDecimal lumpSum, BigDecimal fee, MemberCounts counts) {
		return lumpSum.signum() > 0 ? lumpSum : times(fee, counts.counted());
	}

	/**
	 * Enrolment discount: a new policy on a cycle product entered at least the discount period before
	 * its start. Renewal discount: a renewal entered at least the discount period before the day after
	 * the previous expiry (rule-decisions 4).
	 */
	private static BigDecimal discountPercent(ProductTerms product, Enrolment enrolment, LocalDate startDate) {
		LocalDate enrolDate = enrolment.enrolDate();
		if (enrolment.isNew()) {
			boolean early = !enrolDate.isAfter(startDate.minusMonths(product.enrolmentDiscountPeriodMonths()));
			return product.hasEnrolmentDiscount() && product.hasStartCycles() && early
					? product.enrolmentDiscountPercent()
					: BigDecimal.ZERO;
		}
		LocalDate previousExpiry = enrolment.previousExpiry().orElseThrow();
		LocalDate latestDiscountDate = previousExpiry.plusDays(1).minusMonths(product.renewalDiscountPeriodMonths());
		return product.hasRenewalDiscount() && !enrolDate.isAfter(latestDiscountDate)
				? product.renewalDiscountPercent()
				: BigDecimal.ZERO;
	}

	private static BigDecimal times(BigDecimal amount, int count) {
		return amount.multiply(BigDecimal.valueOf(count));
	}
}

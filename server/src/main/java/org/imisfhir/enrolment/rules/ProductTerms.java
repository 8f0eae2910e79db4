package org.imisfhir.enrolment.rules;

import java.math.BigDecimal;
import java.time.MonthDay;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The terms of a product that enrolment needs: its periods (in months), start cycles and prices.
 * A zero amount or count means "not set", as in openIMIS. Start cycles are kept in calendar order.
 */
public record ProductTerms(
		int insurancePeriodMonths,
		int administrationPeriodMonths,
		List<MonthDay> startCycles,
		int gracePeriodEnrolmentMonths,
		int gracePeriodRenewalMonths,
		int gracePeriodPaymentMonths,
		BigDecimal lumpSum,
		int threshold,
		int maxMembers,
		BigDecimal premiumAdult,
		BigDecimal premiumChild,
		BigDecimal registrationLumpSum,
		BigDecimal registrationFee,
		BigDecimal generalAssemblyLumpSum,
		BigDecimal generalAssemblyFee,
		BigDecimal enrolmentDiscountPercent,
		int enrolmentDiscountPeriodMonths,
		BigDecimal renewalDiscountPercent,
		int renewalDiscountPeriodMonths,
		int maxInstallments) {

	public static final int MAX_START_CYCLES = 4;

	public ProductTerms {
		if (insurancePeriodMonths < 1) {
			throw new IllegalArgumentException("the insurance period must be at least one month: " + insurancePeriodMonths);
		}
		requireNotNegative("administration period", administrationPeriodMonths);
		requireNotNegative("enrolment grace period", gracePeriodEnrolmentMonths);
		requireNotNegative("renewal grace period", gracePeriodRenewalMonths);
		requireNotNegative("payment grace period", gracePeriodPaymentMonths);
		requireNotNegative("threshold", threshold);
		requireNotNegative("max members", maxMembers);
		requireNotNegative("enrolment discount period", enrolmentDiscountPeriodMonths);
		requireNotNegative("renewal discount period", renewalDiscountPeriodMonths);
		requireNotNegative("max installments", maxInstallments);
		Objects.requireNonNull(startCycles, "start cycles");
		if (startCycles.size() > MAX_START_CYCLES) {
			throw new IllegalArgumentException("a product has at most " + MAX_START_CYCLES + " start cycles: " + startCycles);
		}
		if (startCycles.stream().distinct().count() != startCycles.size()) {
			throw new IllegalArgumentException("start cycles repeat: " + startCycles);
		}
		startCycles = startCycles.stream().sorted().toList();
		Stream.of(lumpSum, premiumAdult, premiumChild, registrationLumpSum, registrationFee,
				generalAssemblyLumpSum, generalAssemblyFee, enrolmentDiscountPercent, renewalDiscountPercent)
				.forEach(ProductTerms::requireNotNegative);
	}

	public static Builder builder() {
		return new Builder();
	}

	public boolean hasStartCycles() {
		return !startCycles.isEmpty();
	}

	public boolean hasLumpSum() {
		return lumpSum.signum() > 0;
	}

	/** The grace period that shifts the start cycle and the last date for payment of cycle products. */
	public int cycleGracePeriodMonths(PolicyStage stage) {
		return stage == PolicyStage.NEW ? gracePeriodEnrolmentMonths : gracePeriodRenewalMonths;
	}

	public boolean hasEnrolmentDiscount() {
		return enrolmentDiscountPercent.signum() > 0 && enrolmentDiscountPeriodMonths > 0;
	}

	public boolean hasRenewalDiscount() {
		return renewalDiscountPercent.signum() > 0 && renewalDiscountPeriodMonths > 0;
	}

	private static void requireNotNegative(String name, int value) {
		if (value < 0) {
			throw new IllegalArgumentException(name + " cannot be negative: " + value);
		}
	}

	private static void requireNotNegative(BigDecimal amount) {
		Objects.requireNonNull(amount, "product amount");
		if (amount.signum() < 0) {
			throw new IllegalArgumentException("a product amount cannot be negative: " + amount.toPlainString());
		}
	}

	/** Starts from a 12-month product with nothing else set. */
	public static final class Builder {
		private int insurancePeriodMonths = 12;
		private int administrationPeriodMonths;
		private List<MonthDay> startCycles = List.of();
		private int gracePeriodEnrolmentMonths;
		private int gracePeriodRenewalMonths;
		private int gracePeriodPaymentMonths;
		private BigDecimal lumpSum = BigDecimal.ZERO;
		private int threshold;
		private int maxMembers;
		private BigDecimal premiumAdult = BigDecimal.ZERO;
		private BigDecimal premiumChild = BigDecimal.ZERO;
		private BigDecimal registrationLumpSum = BigDecimal.ZERO;
		private BigDecimal registrationFee = BigDecimal.ZERO;
		private BigDecimal generalAssemblyLumpSum = BigDecimal.ZERO;
		private BigDecimal generalAssemblyFee = BigDecimal.ZERO;
		private BigDecimal enrolmentDiscountPercent = BigDecimal.ZERO;
		private int enrolmentDiscountPeriodMonths;
		private BigDecimal renewalDiscountPercent = BigDecimal.ZERO;
		private int renewalDiscountPeriodMonths;
		private int maxInstallments;

		private Builder() {
		}

		public Builder insurancePeriodMonths(int months) {
			this.insurancePeriodMonths = months;
			return this;
		}

		public Builder administrationPeriodMonths(int months) {
			this.administrationPeriodMonths = months;
			return this;
		}

		public Builder startCycles(MonthDay... cycles) {
			this.startCycles = List.of(cycles);
			return this;
		}

		public Builder gracePeriodEnrolmentMonths(int months) {
			this.gracePeriodEnrolmentMonths = months;
			return this;
		}

		public Builder gracePeriodRenewalMonths(int months) {
			this.gracePeriodRenewalMonths = months;
			return this;
		}

		public Builder gracePeriodPaymentMonths(int months) {
			this.gracePeriodPaymentMonths = months;
			return this;
		}

		public Builder lumpSum(BigDecimal amount) {
			this.lumpSum = amount;
			return this;
		}

		public Builder threshold(int members) {
			this.threshold = members;
			return this;
		}

		public Builder maxMembers(int members) {
			this.maxMembers = members;
			return this;
		}

		public Builder premiumAdult(BigDecimal amount) {
			this.premiumAdult = amount;
			return this;
		}

		public Builder premiumChild(BigDecimal amount) {
			this.premiumChild = amount;
			return this;
		}

		public Builder registrationLumpSum(BigDecimal amount) {
			this.registrationLumpSum = amount;
			return this;
		}

		public Builder registrationFee(BigDecimal amount) {
			this.registrationFee = amount;
			return this;
		}

		public Builder generalAssemblyLumpSum(BigDecimal amount) {
			this.generalAssemblyLumpSum = amount;
			return this;
		}

		public Builder generalAssemblyFee(BigDecimal amount) {
			this.generalAssemblyFee = amount;
			return this;
		}

		public Builder enrolmentDiscount(BigDecimal percent, int periodMonths) {
			this.enrolmentDiscountPercent = percent;
			this.enrolmentDiscountPeriodMonths = periodMonths;
			return this;
		}

		public Builder renewalDiscount(BigDecimal percent, int periodMonths) {
			this.renewalDiscountPercent = percent;
			this.renewalDiscountPeriodMonths = periodMonths;
			return this;
		}

		public Builder maxInstallments(int installments) {
			this.maxInstallments = installments;
			return this;
		}

		public ProductTerms build() {
			return new ProductTerms(insurancePeriodMonths, administrationPeriodMonths, startCycles,
					gracePeriodEnrolmentMonths, gracePeriodRenewalMonths, gracePeriodPaymentMonths, lumpSum, threshold,
					maxMembers, premiumAdult, premiumChild, registrationLumpSum, registrationFee, generalAssemblyLumpSum,
					generalAssemblyFee, enrolmentDiscountPercent, enrolmentDiscountPeriodMonths, renewalDiscountPercent,
					renewalDiscountPeriodMonths, maxInstallments);
		}
	}
}

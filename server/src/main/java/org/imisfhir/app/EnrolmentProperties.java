package org.imisfhir.app;

/** Enrolment settings under {@code imis.enrolment.*}, bound as part of {@link ImisProperties}. */
public class EnrolmentProperties {

	private final InsuranceNumber insuranceNumber = new InsuranceNumber();
	private final TemporaryNumbers temporaryNumbers = new TemporaryNumbers();
	/** Age from which a member counts as an adult for contributions. */
	private int ageOfMajority = 18;
	/** ISO 4217 code of the scheme's currency. */
	private String currency = "XAF";
	/** What a fully paid policy becomes: active (openIMIS option 1) or ready (option 3). */
	private String activation = "active";
	/** Active policies expiring within this many days get a renewal proposal (openIMIS: 14). */
	private int renewalIntervalDays = 14;

	public int getRenewalIntervalDays() {
		return renewalIntervalDays;
	}

	public void setRenewalIntervalDays(int renewalIntervalDays) {
		this.renewalIntervalDays = renewalIntervalDays;
	}

	public String getActivation() {
		return activation;
	}

	public void setActivation(String activation) {
		this.activation = activation;
	}

	public int getAgeOfMajority() {
		return ageOfMajority;
	}

	public void setAgeOfMajority(int ageOfMajority) {
		this.ageOfMajority = ageOfMajority;
	}

	public String getCurrency() {
		return currency;
	}

	public void setCurrency(String currency) {
		this.currency = currency;
	}

	public InsuranceNumber getInsuranceNumber() {
		return insuranceNumber;
	}

	public TemporaryNumbers getTemporaryNumbers() {
		return temporaryNumbers;
	}

	/** Temporary insurance numbers handed to enrolment officers working offline (seed 003, Cameroon). */
	public static class TemporaryNumbers {
		/** What every temporary number starts with; permanent numbers starting with it are refused. */
		private String prefix = "TMP";
		/** Digits after the prefix (zero-padded sequence). */
		private int digits = 8;
		/** The largest block one allocation may ask for. */
		private int maxBlock = 1000;

		public String getPrefix() {
			return prefix;
		}

		public void setPrefix(String prefix) {
			this.prefix = prefix;
		}

		public int getDigits() {
			return digits;
		}

		public void setDigits(int digits) {
			this.digits = digits;
		}

		public int getMaxBlock() {
			return maxBlock;
		}

		public void setMaxBlock(int maxBlock) {
			this.maxBlock = maxBlock;
		}
	}

	/** The country's insurance-number format (openIMIS insuree_number_length and insuree_number_modulo_root). */
	public static class InsuranceNumber {
		/** Exact length of an insurance number; 0 accepts any length. */
		private int length = 0;
		/** Check digit: 0 none, 10 Luhn, any other n: int(number without last digit) mod n = last digit. */
		private int moduloRoot = 0;
		/** Numbers no insuree may have (openIMIS reserves 999999999 for the funding family). */
		private java.util.List<String> reserved = new java.util.ArrayList<>(java.util.List.of("999999999"));
		/** Length of the permanent numbers the server draws on sync when the country fixes no length. */
		private int generatedLength = 9;

		public int getGeneratedLength() {
			return generatedLength;
		}

		public void setGeneratedLength(int generatedLength) {
			this.generatedLength = generatedLength;
		}

		public int getLength() {
			return length;
		}

		public void setLength(int length) {
			this.length = length;
		}

		public int getModuloRoot() {
			return moduloRoot;
		}

		public void setModuloRoot(int moduloRoot) {
			this.moduloRoot = moduloRoot;
		}

		public java.util.List<String> getReserved() {
			return reserved;
		}

		public void setReserved(java.util.List<String> reserved) {
			this.reserved = reserved;
		}
	}
}

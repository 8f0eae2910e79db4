package org.imisfhir.app;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Product settings under the {@code imis.*} prefix. Every property is documented in
 * docs/configuration.md.
 */
@ConfigurationProperties(prefix = "imis")
public class ImisProperties {

	/** Folder holding the embedded H2 database and the Lucene index. */
	private String dataDir = "./data";

	/** ISO 3166 alpha-2 code of the country whose profile package (profiles/countries/&lt;iso&gt;) is loaded. */
	private String country = "";

	private final Fhir fhir = new Fhir();
	private final Validation validation = new Validation();
	private final Demo demo = new Demo();
	private final Registry registry = new Registry();
	private final Enrolment enrolment = new Enrolment();
	private final Products products = new Products();

	public String getDataDir() {
		return dataDir;
	}

	public void setDataDir(String dataDir) {
		this.dataDir = dataDir;
	}

	public String getCountry() {
		return country;
	}

	public void setCountry(String country) {
		this.country = country;
	}

	public Fhir getFhir() {
		return fhir;
	}

	public Validation getValidation() {
		return validation;
	}

	public Demo getDemo() {
		return demo;
	}

	public Registry getRegistry() {
		return registry;
	}

	public Enrolment getEnrolment() {
		return enrolment;
	}

	public static class Enrolment {
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

	/** Limits of the administration registers (openIMIS column sizes by default). */
	public static class Registry {
		/** Longest code of a medical service or item (openIMIS: 6; longer for e.g. transport tariffs). */
		private int catalogueCodeMaxLength = 6;
		/** ISO 4217 currency of the scheme's prices (services, items, price lists) when an import gives none. */
		private String currency = "XAF";
		private int locationCodeMaxLength = 8;
		private int facilityCodeMaxLength = 8;
		private int payerCodeMaxLength = 8;
		private int officerCodeMaxLength = 8;
		/** Rows of a catalogue import written together in one database transaction. */
		private int importChunkSize = 100;
		/**
		 * Chunks of one catalogue import written at the same time (threads), when no code repeats in the file;
		 * 1 writes them one after the other.
		 */
		private int importThreads = 2;
		/**
		 * Validate every imported CSV row against the profiles; false validates the first row of each shape only
		 * (decision 0034).
		 */
		private boolean importValidateEveryRow = false;

		public boolean isImportValidateEveryRow() {
			return importValidateEveryRow;
		}

		public void setImportValidateEveryRow(boolean importValidateEveryRow) {
			this.importValidateEveryRow = importValidateEveryRow;
		}

		public int getImportThreads() {
			return importThreads;
		}

		public void setImportThreads(int importThreads) {
			this.importThreads = importThreads;
		}

		public int getImportChunkSize() {
			return importChunkSize;
		}

		public void setImportChunkSize(int importChunkSize) {
			this.importChunkSize = importChunkSize;
		}

		public String getCurrency() {
			return currency;
		}

		public void setCurrency(String currency) {
			this.currency = currency;
		}

		public int getCatalogueCodeMaxLength() {
			return catalogueCodeMaxLength;
		}

		public void setCatalogueCodeMaxLength(int catalogueCodeMaxLength) {
			this.catalogueCodeMaxLength = catalogueCodeMaxLength;
		}

		public int getLocationCodeMaxLength() {
			return locationCodeMaxLength;
		}

		public void setLocationCodeMaxLength(int locationCodeMaxLength) {
			this.locationCodeMaxLength = locationCodeMaxLength;
		}

		public int getFacilityCodeMaxLength() {
			return facilityCodeMaxLength;
		}

		public void setFacilityCodeMaxLength(int facilityCodeMaxLength) {
			this.facilityCodeMaxLength = facilityCodeMaxLength;
		}

		public int getPayerCodeMaxLength() {
			return payerCodeMaxLength;
		}

		public void setPayerCodeMaxLength(int payerCodeMaxLength) {
			this.payerCodeMaxLength = payerCodeMaxLength;
		}

		public int getOfficerCodeMaxLength() {
			return officerCodeMaxLength;
		}

		public void setOfficerCodeMaxLength(int officerCodeMaxLength) {
			this.officerCodeMaxLength = officerCodeMaxLength;
		}
	}

	public Products getProducts() {
		return products;
	}

	public static class Fhir {
		/** Page size of search results when the client sends no _count. */
		private int defaultPageSize = 20;
		/** Largest _count honoured. */
		private int maxPageSize = 200;
		/** Serve the OpenAPI document and Swagger UI at /fhir/api-docs and /fhir/swagger-ui/. */
		private boolean openapiEnabled = true;
		/** Allowed CORS origins for browser front-ends ("*" for any). Empty disables CORS. */
		private String corsAllowedOrigins = "*";

		public int getDefaultPageSize() {
			return defaultPageSize;
		}

		public void setDefaultPageSize(int defaultPageSize) {
			this.defaultPageSize = defaultPageSize;
		}

		public int getMaxPageSize() {
			return maxPageSize;
		}

		public void setMaxPageSize(int maxPageSize) {
			this.maxPageSize = maxPageSize;
		}

		public boolean isOpenapiEnabled() {
			return openapiEnabled;
		}

		public void setOpenapiEnabled(boolean openapiEnabled) {
			this.openapiEnabled = openapiEnabled;
		}

		public String getCorsAllowedOrigins() {
			return corsAllowedOrigins;
		}

		public void setCorsAllowedOrigins(String corsAllowedOrigins) {
			this.corsAllowedOrigins = corsAllowedOrigins;
		}
	}

	public static class Validation {
		/** Validate every write against its declared and required profiles. */
		private boolean enabled = true;
		/** Resource type to the canonical URL of the profile every write of that type must conform to. */
		private Map<String, String> requiredProfiles = new LinkedHashMap<>();
		/**
		 * Validations served by one built HL7 instance validator before it is replaced (building one costs
		 * 15-40 ms); 1 builds a new validator for every write.
		 */
		private int validatorMaxUses = 1000;
		/** Built validators kept ready between writes (about the number of concurrent writers). */
		private int validatorPoolSize = 4;

		public boolean isEnabled() {
			return enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Map<String, String> getRequiredProfiles() {
			return requiredProfiles;
		}

		public void setRequiredProfiles(Map<String, String> requiredProfiles) {
			this.requiredProfiles = requiredProfiles;
		}

		public int getValidatorMaxUses() {
			return validatorMaxUses;
		}

		public void setValidatorMaxUses(int validatorMaxUses) {
			this.validatorMaxUses = validatorMaxUses;
		}

		public int getValidatorPoolSize() {
			return validatorPoolSize;
		}

		public void setValidatorPoolSize(int validatorPoolSize) {
			this.validatorPoolSize = validatorPoolSize;
		}
	}

	public static class Demo {
		/** Load the demo scheme at start-up when it is not there yet. */
		private boolean enabled = false;

		public boolean isEnabled() {
			return enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}
	}

	public static class Products {
		/**
		 * Refuse a product whose relative-price distribution shares of a year do not sum to 1.00
		 * (off by default: a share applies to its own period's money; rule-decisions 26).
		 */
		private boolean distributionSumsToOne = false;

		public boolean isDistributionSumsToOne() {
			return distributionSumsToOne;
		}

		public void setDistributionSumsToOne(boolean distributionSumsToOne) {
			this.distributionSumsToOne = distributionSumsToOne;
		}

		/** Refuse a product that sets a threshold without a lump sum (rule-decisions 6; off by default). */
		private boolean refuseThresholdWithoutLumpSum = false;

		public boolean isRefuseThresholdWithoutLumpSum() {
			return refuseThresholdWithoutLumpSum;
		}

		public void setRefuseThresholdWithoutLumpSum(boolean refuse) {
			this.refuseThresholdWithoutLumpSum = refuse;
		}
	}
}

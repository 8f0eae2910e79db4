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
	private final RegistryProperties registry = new RegistryProperties();
	private final EnrolmentProperties enrolment = new EnrolmentProperties();
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

	public RegistryProperties getRegistry() {
		return registry;
	}

	public EnrolmentProperties getEnrolment() {
		return enrolment;
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

package org.imisfhir.programme;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** Country programme settings under {@code imis.programmes.*} (documented in docs/configuration.md). */
@Component
@ConfigurationProperties(prefix = "imis.programmes")
public class ProgrammeProperties {

	private final Voucher voucher = new Voucher();
	/** No two active policies of one programme in a family (the Cameroon CSU's one_policy_per_program). */
	private boolean onePolicyPerProgramme = true;

	public boolean isOnePolicyPerProgramme() {
		return onePolicyPerProgramme;
	}

	public void setOnePolicyPerProgramme(boolean onePolicyPerProgramme) {
		this.onePolicyPerProgramme = onePolicyPerProgramme;
	}

	public Voucher getVoucher() {
		return voucher;
	}

	public static class Voucher {
		/** Regular expression a voucher number must match (legacy 6 characters, later 6-8; longer allowed). */
		private String numberPattern = "[A-Za-z0-9-]{6,20}";
		/** Programme code given to imported vouchers when the import names none. */
		private String defaultProgramme = "CCS";

		public String getNumberPattern() {
			return numberPattern;
		}

		public void setNumberPattern(String numberPattern) {
			this.numberPattern = numberPattern;
		}

		public String getDefaultProgramme() {
			return defaultProgramme;
		}

		public void setDefaultProgramme(String defaultProgramme) {
			this.defaultProgramme = defaultProgramme;
		}
	}
}

package org.imisfhir.programme;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** Country programme settings under {@code imis.programmes.*} (documented in docs/configuration.md). */
@Component
@ConfigurationProperties(prefix = "imis.programmes")
public class ProgrammeProperties {

	private final Voucher voucher = new Voucher();
	private final Mpi mpi = new Mpi();
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

	public Mpi getMpi() {
		return mpi;
	}

	/** Linkage with the national master patient index and EMRs ({@code imis.programmes.mpi.*}). */
	public static class Mpi {
		/** Identifier system of the country's national MPI number. */
		private String system = "https://imis-fhir.org/fhir/sid/national-mpi";
		/** Regular expression a national MPI number must match. */
		private String numberPattern = "[A-Za-z0-9-]{4,40}";
		/** Candidates $match returns when the request gives no count. */
		private int defaultCount = 10;
		/** Most candidates $match returns. */
		private int maxCount = 50;
		/** Most insurees one candidate search (by identifier, birth date or name) brings to scoring. */
		private int candidateLimit = 200;
		/** Candidates scoring below this are left out of the $match answer. */
		private double minimumScore = 0.4;

		public String getSystem() {
			return system;
		}

		public void setSystem(String system) {
			this.system = system;
		}

		public String getNumberPattern() {
			return numberPattern;
		}

		public void setNumberPattern(String numberPattern) {
			this.numberPattern = numberPattern;
		}

		public int getDefaultCount() {
			return defaultCount;
		}

		public void setDefaultCount(int defaultCount) {
			this.defaultCount = defaultCount;
		}

		public int getMaxCount() {
			return maxCount;
		}

		public void setMaxCount(int maxCount) {
			this.maxCount = maxCount;
		}

		public int getCandidateLimit() {
			return candidateLimit;
		}

		public void setCandidateLimit(int candidateLimit) {
			this.candidateLimit = candidateLimit;
		}

		public double getMinimumScore() {
			return minimumScore;
		}

		public void setMinimumScore(double minimumScore) {
			this.minimumScore = minimumScore;
		}
	}

	public static class Voucher {
		/** Regular expression a voucher number must match (legacy 6 characters, later 6-8; longer allowed). */
		private String numberPattern = "[A-Za-z0-9-]{6,20}";
		/** Programme code given to imported vouchers when the import names none. */
		private String defaultProgramme = "CCS";
		/** A voucher's status change needs a sign-in (token auth_time) at most this many minutes old. */
		private int reauthenticationMinutes = 5;

		public int getReauthenticationMinutes() {
			return reauthenticationMinutes;
		}

		public void setReauthenticationMinutes(int reauthenticationMinutes) {
			this.reauthenticationMinutes = reauthenticationMinutes;
		}

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

package org.imisfhir.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Sign-in settings under {@code imis.security.*}; every property is documented in docs/configuration.md. */
@ConfigurationProperties(prefix = "imis.security")
public class SecurityProperties {

	/** Issuer of the access tokens, e.g. https://keycloak.example.org/realms/imis. Required unless in development mode. */
	private String issuerUri = "";
	/** Where the issuer's signing keys are; empty: the Keycloak default {@code <issuer>/protocol/openid-connect/certs}. */
	private String jwkSetUri = "";
	/** The audience ({@code aud}) a token must name to be accepted. */
	private String audience = "imis-fhir";
	/** Token claim listing the codes of the districts a user works in. */
	private String districtsClaim = "districts";
	/** Token claim holding the code of a user's health facility. */
	private String facilityClaim = "facility";
	/** Token claim listing the codes of the programmes a user works on (a list or a comma-separated string). */
	private String programmesClaim = "programmes";
	/** Further paths (Ant patterns) reachable without a token, besides /fhir/metadata and the health probes. */
	private List<String> publicPaths = new ArrayList<>();

	private final Development development = new Development();

	public String getIssuerUri() {
		return issuerUri;
	}

	public void setIssuerUri(String issuerUri) {
		this.issuerUri = issuerUri;
	}

	public String getJwkSetUri() {
		return jwkSetUri;
	}

	public void setJwkSetUri(String jwkSetUri) {
		this.jwkSetUri = jwkSetUri;
	}

	/** The configured key set address, or Keycloak's default one under the issuer. */
	public String effectiveJwkSetUri() {
		if (jwkSetUri != null && !jwkSetUri.isBlank()) {
			return jwkSetUri;
		}
		String issuer = issuerUri.endsWith("/") ? issuerUri.substring(0, issuerUri.length() - 1) : issuerUri;
		return issuer + "/protocol/openid-connect/certs";
	}

	public String getAudience() {
		return audience;
	}

	public void setAudience(String audience) {
		this.audience = audience;
	}

	public String getDistrictsClaim() {
		return districtsClaim;
	}

	public void setDistrictsClaim(String districtsClaim) {
		this.districtsClaim = districtsClaim;
	}

	public String getFacilityClaim() {
		return facilityClaim;
	}

	public void setFacilityClaim(String facilityClaim) {
		this.facilityClaim = facilityClaim;
	}

	public String getProgrammesClaim() {
		return programmesClaim;
	}

	public void setProgrammesClaim(String programmesClaim) {
		this.programmesClaim = programmesClaim;
	}

	public List<String> getPublicPaths() {
		return publicPaths;
	}

	public void setPublicPaths(List<String> publicPaths) {
		this.publicPaths = publicPaths;
	}

	public Development getDevelopment() {
		return development;
	}

	/**
	 * The development mode: no token is checked and every request is signed in as one configured user. For
	 * the demo run and the test suites only; the server then listens on the loopback address only.
	 */
	public static class Development {
		private boolean enabled = false;
		private String username = "developer";
		/** Role codes of the development user (Keycloak names such as {@code enrolment-officer}); default: all roles. */
		private List<String> roles = new ArrayList<>(Arrays.stream(ImisRole.values()).map(ImisRole::code).toList());
		/** District codes the development user is limited to; empty: all. */
		private List<String> districts = new ArrayList<>();
		/** Health facility code of the development user; empty: none. */
		private String facility = "";
		/** Programme codes the development user is limited to; empty: all. */
		private List<String> programmes = new ArrayList<>();

		public boolean isEnabled() {
			return enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getUsername() {
			return username;
		}

		public void setUsername(String username) {
			this.username = username;
		}

		public List<String> getRoles() {
			return roles;
		}

		public void setRoles(List<String> roles) {
			this.roles = roles;
		}

		public List<String> getDistricts() {
			return districts;
		}

		public void setDistricts(List<String> districts) {
			this.districts = districts;
		}

		public String getFacility() {
			return facility;
		}

		public void setFacility(String facility) {
			this.facility = facility;
		}

		public List<String> getProgrammes() {
			return programmes;
		}

		public void setProgrammes(List<String> programmes) {
			this.programmes = programmes;
		}
	}
}

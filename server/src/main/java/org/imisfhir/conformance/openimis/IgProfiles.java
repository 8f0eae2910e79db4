package org.imisfhir.conformance.openimis;

import java.util.Map;
import java.util.Optional;

/**
 * The openIMIS R4 IG's profile canonicals and the profile of ours each one is mapped to. The IG's profiles are not
 * installed (their definitions are broken, see the IG README): a resource declaring one keeps the declaration and is
 * validated against ours.
 */
public final class IgProfiles {

	public static final String IG = "https://openimis.github.io/openimis_fhir_r4_ig/";
	public static final String IG_PROFILE_BASE = IG + "StructureDefinition/";
	/** The form the IG's CapabilityStatement uses: the profile's HTML page. */
	static final String IG_PAGE_PREFIX = IG + "StructureDefinition-";
	static final String IG_PAGE_SUFFIX = ".html";
	/** Some openIMIS back-end builds write a double slash before the path. */
	static final String IG_DOUBLE_SLASH = "https://openimis.github.io/openimis_fhir_r4_ig//";

	private static final String OURS = "https://imis-fhir.org/fhir/StructureDefinition/";

	/** IG profile id -> our profile id; absent: kept as declared, no profile of ours assigned. */
	private static final Map<String, String> OUR_PROFILE = Map.ofEntries(
			Map.entry("openimis-patient", "imis-insuree"),
			Map.entry("openimis-group", "imis-family"),
			Map.entry("openimis-location", "imis-location"),
			Map.entry("openimis-health-facility-organization", "imis-health-facility"),
			Map.entry("openimis-policy-holder-organization", "imis-payer"),
			Map.entry("openimis-insurance-organization", "imis-insurance-organization"),
			Map.entry("openimis-claim-administrator-practitioner", "imis-officer"),
			Map.entry("openimis-enrolment-officer-practitioner", "imis-officer"),
			Map.entry("openimis-claim-administrator-practitioner-role", "imis-claim-administrator-role"),
			Map.entry("openimis-enrolment-officer-practitioner-role", "imis-enrolment-officer-role"),
			Map.entry("openimis-insurance-plan", "imis-insurance-plan"),
			Map.entry("openimis-medication", "imis-medical-item"),
			Map.entry("openimis-activitiy-definition", "imis-medical-service"),
			Map.entry("openimis-activity-definition", "imis-medical-service"),
			Map.entry("openimis-claim", "imis-claim"),
			Map.entry("openimis-claim-response", "imis-claim-response"),
			Map.entry("openimis-coverage", "imis-policy"));

	private IgProfiles() {
	}

	/** True for any declaration of an IG profile, in canonical, page-URL or double-slash form. */
	public static boolean isIgProfile(String url) {
		return url != null && (url.startsWith(IG_PROFILE_BASE) || url.startsWith(IG_PAGE_PREFIX) || url.startsWith(IG_DOUBLE_SLASH));
	}

	/** The canonical form of an IG profile declaration ({@code …/StructureDefinition/openimis-claim}). */
	public static String canonical(String url) {
		if (url.startsWith(IG_DOUBLE_SLASH)) {
			url = IG + url.substring(IG_DOUBLE_SLASH.length());
		}
		if (url.startsWith(IG_PAGE_PREFIX)) {
			String id = url.substring(IG_PAGE_PREFIX.length());
			if (id.endsWith(IG_PAGE_SUFFIX)) {
				id = id.substring(0, id.length() - IG_PAGE_SUFFIX.length());
			}
			return IG_PROFILE_BASE + id;
		}
		return url;
	}

	/** Our profile for an IG profile (any form), if we have one. */
	public static Optional<String> ourProfile(String igUrl) {
		String canonical = canonical(igUrl);
		if (!canonical.startsWith(IG_PROFILE_BASE)) {
			return Optional.empty();
		}
		String id = canonical.substring(IG_PROFILE_BASE.length());
		return Optional.ofNullable(OUR_PROFILE.get(id)).map(ours -> OURS + ours);
	}
}

package org.imisfhir.security;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PaymentNotice;
import org.hl7.fhir.r4.model.Reference;

/**
 * Tells where a resource lies, following the same links as {@link SearchNarrowing}: a family lies in the
 * district of its village; an insuree, in that of their family; a policy, in that of its family (or its
 * beneficiary's); a contribution, in that of its policy; an eligibility enquiry, in that of its insuree; a
 * claim belongs to its health facility; a claim response and claim feedback, to their claim's. Linked
 * resources are read as the server (a link that cannot be followed gives no district: out of scope).
 */
class ScopeResolver {

	static final String GROUP_ADDRESS = "https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/group-address";
	static final String ADDRESS_LOCATION =
			"https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/address-location-reference";
	static final String FAMILY_REFERENCE =
			"https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/patient-group-reference";
	static final String POLICY_DETAILS = "https://imis-fhir.org/fhir/StructureDefinition/policy-details";

	private final DaoRegistry daoRegistry;
	private final LocationTreeCache locations;

	ScopeResolver(DaoRegistry daoRegistry, LocationTreeCache locations) {
		this.daoRegistry = daoRegistry;
		this.locations = locations;
	}

	/** The claim a claim response or claim feedback is about, or empty. */
	Optional<Claim> claimOf(IBaseResource resource) {
		if (resource instanceof Claim claim) {
			return Optional.of(claim);
		}
		if (resource instanceof ClaimResponse response) {
			return read(Claim.class, response.getRequest());
		}
		if (resource instanceof Communication feedback) {
			return feedback.getAbout().stream().map(about -> read(Claim.class, about)).flatMap(Optional::stream).findFirst();
		}
		if (resource instanceof CommunicationRequest prompt) {
			return prompt.getAbout().stream().map(about -> read(Claim.class, about)).flatMap(Optional::stream).findFirst();
		}
		return Optional.empty();
	}

	/** The logical id of the health facility of a claim. */
	static String facilityOf(Claim claim) {
		return claim.getProvider().getReferenceElement().getIdPart();
	}

	/** The district of the facility a claim was made at. */
	Optional<String> claimDistrict(Claim claim) {
		return read(Organization.class, claim.getProvider()).flatMap(this::facilityDistrict);
	}

	/** The district of a resource scoped by district (not claims and their kin), or empty. */
	Optional<String> districtOf(IBaseResource resource) {
		if (resource instanceof Group family) {
			return familyDistrict(family);
		}
		if (resource instanceof Patient insuree) {
			return insureeDistrict(insuree);
		}
		if (resource instanceof Coverage policy) {
			return policyDistrict(policy);
		}
		if (resource instanceof PaymentNotice contribution) {
			return read(Coverage.class, contribution.getRequest()).flatMap(this::policyDistrict);
		}
		if (resource instanceof CoverageEligibilityRequest enquiry) {
			return read(Patient.class, enquiry.getPatient()).flatMap(this::insureeDistrict);
		}
		if (resource instanceof CoverageEligibilityResponse answer) {
			return read(Patient.class, answer.getPatient()).flatMap(this::insureeDistrict);
		}
		if (resource instanceof Organization facility) {
			return facilityDistrict(facility);
		}
		return Optional.empty();
	}

	/** A health facility (type {@code prov} or the facility profile); other Organizations are not scoped. */
	static boolean isFacility(Organization organization) {
		boolean typed = organization.getType().stream().flatMap(type -> type.getCoding().stream())
				.anyMatch(coding -> "prov".equals(coding.getCode()));
		boolean profiled = organization.getMeta().getProfile().stream()
				.anyMatch(profile -> SearchNarrowing.FACILITY_PROFILE.equals(profile.getValue()));
		return typed || profiled;
	}

	Optional<String> familyDistrict(Group family) {
		Extension address = family.getExtensionByUrl(GROUP_ADDRESS);
		if (address != null && address.getValue() instanceof Address value) {
			Extension village = value.getExtensionByUrl(ADDRESS_LOCATION);
			if (village != null && village.getValue() instanceof Reference reference) {
				return locations.tree().districtOf(reference.getReferenceElement().getIdPart());
			}
		}
		return Optional.empty();
	}

	Optional<String> insureeDistrict(Patient insuree) {
		Extension family = insuree.getExtensionByUrl(FAMILY_REFERENCE);
		if (family == null || !(family.getValue() instanceof Reference reference)) {
			return Optional.empty();
		}
		return read(Group.class, reference).flatMap(this::familyDistrict);
	}

	private Optional<String> policyDistrict(Coverage policy) {
		Extension details = policy.getExtensionByUrl(POLICY_DETAILS);
		Extension family = details == null ? null : details.getExtensionByUrl("family");
		if (family != null && family.getValue() instanceof Reference reference) {
			return read(Group.class, reference).flatMap(this::familyDistrict);
		}
		return read(Patient.class, policy.getBeneficiary()).flatMap(this::insureeDistrict);
	}

	private Optional<String> facilityDistrict(Organization facility) {
		for (Address address : facility.getAddress()) {
			Extension location = address.getExtensionByUrl(ADDRESS_LOCATION);
			if (location != null && location.getValue() instanceof Reference reference) {
				return locations.tree().districtOf(reference.getReferenceElement().getIdPart());
			}
		}
		return Optional.empty();
	}

	private <T extends IBaseResource> Optional<T> read(Class<T> type, Reference reference) {
		if (reference == null || !reference.hasReference()) {
			return Optional.empty();
		}
		String referenced = reference.getReferenceElement().getResourceType();
		if (referenced != null && !referenced.equals(daoRegistry.getFhirContext().getResourceType(type))) {
			return Optional.empty();
		}
		try {
			return Optional.of(daoRegistry.getResourceDao(type)
					.read(reference.getReferenceElement().toUnqualifiedVersionless(), new SystemRequestDetails()));
		} catch (RuntimeException unknown) {
			return Optional.empty();
		}
	}
}

package org.imisfhir.registry;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.imisfhir.app.RegistryProperties;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.registry.rules.CatchmentRule;
import org.imisfhir.registry.rules.LocationHierarchyRule;
import org.imisfhir.registry.rules.LocationLevel;
import org.imisfhir.registry.rules.RegisterCodeRule;

/**
 * Applies the administration registers' rules to every write of a Location, Organization, Practitioner or
 * PractitionerRole: the location tree, code lengths, a facility's district and catchment, officers'
 * villages. The rules themselves are plain Java in {@code registry.rules}; this class loads their inputs.
 * It runs just before commit, when every entry of a transaction Bundle is written, so a village may name a
 * parent created in the same Bundle; a refusal rolls the whole transaction back.
 */
@Interceptor
public class RegistryRulesInterceptor {

	private final DaoRegistry daoRegistry;
	private final RegistryProperties settings;
	private final EntityManager entityManager;

	public RegistryRulesInterceptor(DaoRegistry daoRegistry, RegistryProperties settings, EntityManager entityManager) {
		this.daoRegistry = daoRegistry;
		this.settings = settings;
		this.entityManager = entityManager;
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	public void beforeCreate(IBaseResource resource) {
		check(resource);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	public void beforeUpdate(IBaseResource oldResource, IBaseResource newResource) {
		check(newResource);
	}

	void check(IBaseResource resource) {
		if (resource instanceof Location location) {
			checkLocation(location);
		} else if (resource instanceof Organization organization && declares(organization, RegistryProfiles.HEALTH_FACILITY)) {
			checkFacility(organization);
		} else if (resource instanceof Organization organization && declares(organization, RegistryProfiles.PAYER)) {
			checkCode(organization.getIdentifier(), RegistryProfiles.PAYER_CODE_SYSTEM, settings.getPayerCodeMaxLength(), "payer");
		} else if (resource instanceof Practitioner practitioner && declares(practitioner, RegistryProfiles.OFFICER)) {
			checkCode(practitioner.getIdentifier(), RegistryProfiles.OFFICER_CODE_SYSTEM, settings.getOfficerCodeMaxLength(), "officer");
		} else if (resource instanceof PractitionerRole role && declares(role, RegistryProfiles.ENROLMENT_OFFICER_ROLE)) {
			checkEnrolmentOfficerRole(role);
		} else if (resource instanceof PractitionerRole role && declares(role, RegistryProfiles.CLAIM_ADMINISTRATOR_ROLE)) {
			checkClaimAdministratorRole(role);
		}
	}

	private void checkLocation(Location location) {
		Optional<LocationLevel> level = levelOf(location);
		if (level.isEmpty()) {
			return; // the profile refuses a location without a valid level
		}
		checkCode(location.getIdentifier(), RegistryProfiles.LOCATION_CODE_SYSTEM, settings.getLocationCodeMaxLength(), "location");
		Optional<LocationLevel> parentLevel = Optional.empty();
		if (location.hasPartOf() && location.getPartOf().hasReference()) {
			Location parent = readLocation(location.getPartOf(), RegistryViolation.LOCATION_PARENT_UNKNOWN);
			parentLevel = levelOf(parent);
		}
		Optional<LocationLevel> finalParentLevel = parentLevel;
		LocationHierarchyRule.check(level.get(), parentLevel).ifPresent(violation -> {
			throw ImisRuleException.businessRule(
					violation,
					level.get().code(),
					finalParentLevel.map(LocationLevel::code).orElse("-"),
					level.get().parentLevel().map(LocationLevel::code).orElse("-"));
		});
	}

	private void checkFacility(Organization facility) {
		checkCode(facility.getIdentifier(), RegistryProfiles.FACILITY_CODE_SYSTEM, settings.getFacilityCodeMaxLength(), "facility");
		Reference district = null;
		for (Address address : facility.getAddress()) {
			Extension extension = address.getExtensionByUrl(RegistryProfiles.ADDRESS_LOCATION);
			if (extension != null && extension.getValue() instanceof Reference reference) {
				district = reference;
			}
		}
		if (district == null) {
			throw ImisRuleException.businessRule(RegistryViolation.FACILITY_DISTRICT_REQUIRED);
		}
		Location location = readLocation(district, RegistryViolation.FACILITY_DISTRICT_NOT_DISTRICT);
		if (levelOf(location).orElse(null) != LocationLevel.DISTRICT) {
			throw ImisRuleException.businessRule(RegistryViolation.FACILITY_DISTRICT_NOT_DISTRICT, district.getReference());
		}
		for (Extension catchment : facility.getExtensionsByUrl(RegistryProfiles.CATCHMENT)) {
			Extension village = catchment.getExtensionByUrl("village");
			Extension percentage = catchment.getExtensionByUrl("percentage");
			if (village != null && village.getValue() instanceof Reference villageReference) {
				Location villageLocation = readLocation(villageReference, RegistryViolation.CATCHMENT_NOT_VILLAGE);
				if (levelOf(villageLocation).orElse(null) != LocationLevel.VILLAGE) {
					throw ImisRuleException.businessRule(RegistryViolation.CATCHMENT_NOT_VILLAGE, villageReference.getReference());
				}
			}
			BigDecimal share = percentage != null && percentage.getValue() != null && percentage.getValue().isPrimitive()
					? new BigDecimal(percentage.getValue().primitiveValue())
					: null;
			CatchmentRule.checkPercentage(share).ifPresent(v -> {
				throw ImisRuleException.businessRule(v, share == null ? "-" : share.toPlainString());
			});
		}
		Extension contract = facility.getExtensionByUrl(RegistryProfiles.CONTRACT_PERIOD);
		if (contract != null && contract.getValue() instanceof Period period
				&& period.hasStart() && period.hasEnd() && period.getEnd().before(period.getStart())) {
			throw ImisRuleException.businessRule(RegistryViolation.CONTRACT_DATES);
		}
	}

	private void checkEnrolmentOfficerRole(PractitionerRole role) {
		for (Reference village : role.getLocation()) {
			Location location = readLocation(village, RegistryViolation.OFFICER_VILLAGE_NOT_VILLAGE);
			if (levelOf(location).orElse(null) != LocationLevel.VILLAGE) {
				throw ImisRuleException.businessRule(RegistryViolation.OFFICER_VILLAGE_NOT_VILLAGE, village.getReference());
			}
		}
		Extension substitute = role.getExtensionByUrl(RegistryProfiles.SUBSTITUTE);
		if (substitute != null && substitute.getValue() instanceof Reference reference && role.getIdElement().hasIdPart()
				&& reference.getReferenceElement().getIdPart() != null
				&& reference.getReferenceElement().getIdPart().equals(role.getIdElement().getIdPart())) {
			throw ImisRuleException.businessRule(RegistryViolation.OFFICER_SUBSTITUTE_SELF);
		}
	}

	private void checkClaimAdministratorRole(PractitionerRole role) {
		if (!role.hasOrganization() || !role.getOrganization().hasReference()) {
			throw ImisRuleException.businessRule(RegistryViolation.CLAIM_ADMIN_FACILITY_REQUIRED);
		}
	}

	private void checkCode(java.util.List<Identifier> identifiers, String system, int maxLength, String register) {
		String code = identifiers.stream()
				.filter(identifier -> system.equals(identifier.getSystem()))
				.map(Identifier::getValue)
				.findFirst()
				.orElse(null);
		RegisterCodeRule.check(code, maxLength).ifPresent(violation -> {
			throw ImisRuleException.businessRule(violation, register, system, maxLength, code == null ? "" : code);
		});
	}

	private Location readLocation(Reference reference, RegistryViolation whenMissing) {
		try {
			return (Location) daoRegistry.getResourceDao("Location")
					.read(reference.getReferenceElement().toUnqualifiedVersionless(), new SystemRequestDetails());
		} catch (ResourceNotFoundException notYetVisible) {
			// A parent written in the same transaction may still be pending in the session
			entityManager.flush();
			Location location = null;
			try {
				location = (Location) daoRegistry.getResourceDao("Location")
						.read(reference.getReferenceElement().toUnqualifiedVersionless(), new SystemRequestDetails());
			} catch (ResourceNotFoundException | ResourceGoneException | IllegalArgumentException | ClassCastException e) {
				// reported below
			}
			if (location == null) {
				throw ImisRuleException.businessRule(whenMissing, String.valueOf(reference.getReference()));
			}
			return location;
		} catch (ResourceGoneException | IllegalArgumentException | ClassCastException e) {
			throw ImisRuleException.businessRule(whenMissing, String.valueOf(reference.getReference()));
		}
	}

	/** The openIMIS level (R, D, W, V) of a location, from its type coded in the IG's location-type system. */
	public static Optional<LocationLevel> levelOf(Location location) {
		return location.getType().stream()
				.flatMap(type -> type.getCoding().stream())
				.filter(coding -> RegistryProfiles.LOCATION_TYPE_SYSTEM.equals(coding.getSystem()))
				.map(coding -> LocationLevel.ofCode(coding.getCode()))
				.flatMap(Optional::stream)
				.findFirst();
	}

	private static boolean declares(Resource resource, String profile) {
		return resource.getMeta().hasProfile(profile);
	}
}

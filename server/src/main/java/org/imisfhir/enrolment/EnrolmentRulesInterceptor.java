package org.imisfhir.enrolment;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.enrolment.rules.InsuranceNumberRule;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.registry.RegistryRulesInterceptor;
import org.imisfhir.registry.rules.LocationLevel;

/**
 * Applies the enrolment rules to every write of an insuree (Patient) or family (Group), just before commit so
 * that a family and its members may arrive in one transaction: the insurance number (present, valid for the
 * country's settings; uniqueness is a database constraint), a reason for an inactive or dead status, exactly
 * one head per family, and a family living in a village.
 */
@Interceptor
public class EnrolmentRulesInterceptor {

	private final DaoRegistry daoRegistry;
	private final InsuranceNumberRule insuranceNumberRule;

	public EnrolmentRulesInterceptor(DaoRegistry daoRegistry, InsuranceNumberRule insuranceNumberRule) {
		this.daoRegistry = daoRegistry;
		this.insuranceNumberRule = insuranceNumberRule;
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	public void afterCreate(IBaseResource resource) {
		check(resource);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	public void afterUpdate(IBaseResource oldResource, IBaseResource newResource) {
		check(newResource);
	}

	void check(IBaseResource resource) {
		if (resource instanceof Patient patient && patient.getMeta().hasProfile(EnrolmentProfiles.INSUREE)) {
			checkInsuree(patient);
		} else if (resource instanceof Group group && group.getMeta().hasProfile(EnrolmentProfiles.FAMILY)) {
			checkFamily(group);
		}
	}

	private void checkInsuree(Patient patient) {
		String number = InsureeRecords.insuranceNumber(patient).orElseThrow(
				() -> ImisRuleException.businessRule(EnrolmentViolation.INSURANCE_NUMBER_MISSING, EnrolmentProfiles.INSURANCE_NUMBER_SYSTEM));
		insuranceNumberRule.check(number).ifPresent(refusal -> {
			throw ImisRuleException.businessRule(EnrolmentViolation.of(refusal), number);
		});
		String status = InsureeRecords.status(patient).orElse("AC");
		if (!"AC".equals(status) && !InsureeRecords.hasStatusReason(patient)) {
			throw ImisRuleException.businessRule(EnrolmentViolation.STATUS_REASON_REQUIRED, status);
		}
	}

	private void checkFamily(Group family) {
		int heads = 0;
		for (Group.GroupMemberComponent member : family.getMember()) {
			if (member.getInactive()) {
				continue;
			}
			Patient patient = read(Patient.class, member.getEntity(), EnrolmentViolation.FAMILY_MEMBER_MISSING);
			if (InsureeRecords.isHead(patient)) {
				heads++;
			}
		}
		if (heads != 1) {
			throw ImisRuleException.businessRule(EnrolmentViolation.FAMILY_HEAD_COUNT, heads);
		}
		Extension address = family.getExtensionByUrl(EnrolmentProfiles.GROUP_ADDRESS);
		if (address != null && address.getValue() instanceof Address value) {
			Extension village = value.getExtensionByUrl(EnrolmentProfiles.ADDRESS_LOCATION);
			if (village != null && village.getValue() instanceof Reference reference) {
				Location location = read(Location.class, reference, EnrolmentViolation.FAMILY_VILLAGE_NOT_VILLAGE);
				if (RegistryRulesInterceptor.levelOf(location).orElse(null) != LocationLevel.VILLAGE) {
					throw ImisRuleException.businessRule(EnrolmentViolation.FAMILY_VILLAGE_NOT_VILLAGE, reference.getReference());
				}
			}
		}
	}

	private <T extends IBaseResource> T read(Class<T> type, Reference reference, EnrolmentViolation whenMissing) {
		try {
			T found = daoRegistry.getResourceDao(type).read(
					reference.getReferenceElement().toUnqualifiedVersionless(), new SystemRequestDetails());
			if (found != null) {
				return found;
			}
		} catch (ResourceNotFoundException | ResourceGoneException | IllegalArgumentException e) {
			// reported below
		}
		throw ImisRuleException.businessRule(whenMissing, String.valueOf(reference.getReference()));
	}
}

package org.imisfhir.programme;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.enrolment.PolicyBuilder;
import org.imisfhir.enrolment.ProductLookup;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.programme.rules.ProductEligibilityRule;

/**
 * Gives a product with conditions on its beneficiaries' identifiers (extension product-eligibility: the Cameroon
 * HIV-positive and HIV-negative products) only to families that meet them. Checked just before commit, when the
 * family and its members written in the same transaction ($enrol, an offline Bundle) are stored.
 */
@Interceptor
public class ProductEligibilityInterceptor {

	public static final String ELIGIBILITY = "https://imis-fhir.org/fhir/StructureDefinition/product-eligibility";

	private final DaoRegistry daos;
	private final ProductLookup products;

	public ProductEligibilityInterceptor(DaoRegistry daos, ProductLookup products) {
		this.daos = daos;
		this.products = products;
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	public void created(IBaseResource resource) {
		if (!(resource instanceof Coverage policy) || !policy.getMeta().hasProfile(PolicyBuilder.POLICY_PROFILE)
				|| policy.getClass_().isEmpty() || !policy.getClass_().get(0).hasValue()) {
			return;
		}
		InsurancePlan product = products.find(policy.getClass_().get(0).getValue());
		Extension eligibility = product.getExtensionByUrl(ELIGIBILITY);
		if (eligibility == null) {
			return;
		}
		Set<String> requires = parts(eligibility, "requiresIdentifier");
		Set<String> excludes = parts(eligibility, "excludesIdentifier");
		String productCode = policy.getClass_().get(0).getValue();
		ProductEligibilityRule.check(requires, excludes, memberIdentifierSystems(policy)).ifPresent(refusal -> {
			throw switch (refusal.reason()) {
				case REQUIRED_IDENTIFIER_MISSING -> ImisRuleException.businessRule(
						ProgrammeViolation.PRODUCT_IDENTIFIER_MISSING, productCode, refusal.system());
				// the message does not say which identifier, so that a refusal tells nothing of a member's status
				case EXCLUDED_IDENTIFIER_PRESENT -> ImisRuleException.businessRule(
						ProgrammeViolation.PRODUCT_NOT_FOR_FAMILY, productCode);
			};
		});
	}

	private List<Set<String>> memberIdentifierSystems(Coverage policy) {
		List<Set<String>> members = new ArrayList<>();
		Optional<Reference> family = ProgrammePolicies.familyOf(policy);
		if (family.isEmpty()) {
			members.add(systems(read(Patient.class, policy.getBeneficiary())));
			return members;
		}
		Group group = read(Group.class, family.get());
		if (group == null) {
			return members;
		}
		for (Group.GroupMemberComponent member : group.getMember()) {
			if (!member.getInactive()) {
				members.add(systems(read(Patient.class, member.getEntity())));
			}
		}
		return members;
	}

	private static Set<String> systems(Patient patient) {
		return patient == null ? Set.of() : patient.getIdentifier().stream()
				.filter(Identifier::hasValue).map(Identifier::getSystem).filter(s -> s != null)
				.collect(Collectors.toCollection(HashSet::new));
	}

	private static Set<String> parts(Extension extension, String url) {
		return extension.getExtensionsByUrl(url).stream().map(e -> e.getValue().primitiveValue()).collect(Collectors.toSet());
	}

	private <T extends IBaseResource> T read(Class<T> type, Reference reference) {
		if (reference == null || !reference.hasReference()) {
			return null;
		}
		return daos.getResourceDao(type).read(reference.getReferenceElement().toUnqualifiedVersionless(), new SystemRequestDetails());
	}
}

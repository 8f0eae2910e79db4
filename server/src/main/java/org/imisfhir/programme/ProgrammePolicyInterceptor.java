package org.imisfhir.programme;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.enrolment.PolicyBuilder;
import org.imisfhir.enrolment.ProductLookup;
import org.imisfhir.enrolment.rules.PolicyStatus;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.programme.rules.HeldPolicy;
import org.imisfhir.programme.rules.PolicyAdmission;
import org.imisfhir.programme.rules.ProgrammePolicyRule;
import org.imisfhir.programme.rules.ProgrammeRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the programme rules to every policy written on any path ($enrol, $renew, POST/PUT Coverage, a contribution
 * activating it): a policy of a product that belongs to a programme carries the programme as a Coverage class; a new
 * policy, and a policy becoming active, is admitted by {@link ProgrammePolicyRule} against the family's other policies,
 * in the same transaction: refused, or admitted with the policies it sets back to idle, and a policy of value 0 is
 * active at once.
 */
@Interceptor
public class ProgrammePolicyInterceptor {

	private static final Logger log = LoggerFactory.getLogger(ProgrammePolicyInterceptor.class);

	private final DaoRegistry daos;
	private final ProductLookup products;
	private final Programmes programmes;
	private final ProgrammeProperties properties;

	public ProgrammePolicyInterceptor(DaoRegistry daos, ProductLookup products, Programmes programmes, ProgrammeProperties properties) {
		this.daos = daos;
		this.products = products;
		this.programmes = programmes;
		this.properties = properties;
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void beforeCreate(IBaseResource resource) {
		if (!(resource instanceof Coverage policy) || !isPolicy(policy)) {
			return;
		}
		Optional<String> programme = programmeOfProduct(policy);
		if (programme.isEmpty()) {
			return;
		}
		ProgrammePolicies.setProgramme(policy, programme.get(), programmes.titleOf(programme.get()));
		Optional<Reference> family = ProgrammePolicies.familyOf(policy);
		List<HeldPolicy> held = family.map(f -> ProgrammePolicies.heldByFamily(daos, f.getReference(), null)).orElse(List.of());
		PolicyAdmission admission = rule().admitNew(programme.get(), value(policy), held);
		refuseOrApply(programme.get(), admission);
		if (admission.activateAtOnce()) {
			PolicyBuilder.setOpenImisStatus(policy, PolicyStatus.ACTIVE);
			policy.setStatus(Coverage.CoverageStatus.ACTIVE);
			Extension details = policy.getExtensionByUrl(PolicyBuilder.POLICY_DETAILS);
			if (details != null) {
				details.getExtension().removeIf(e -> "effectiveDate".equals(e.getUrl()));
				details.addExtension("effectiveDate", new DateType(policy.getPeriod().getStartElement().getValueAsString().substring(0, 10)));
			}
		}
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void beforeUpdate(IBaseResource oldResource, IBaseResource newResource) {
		if (!(newResource instanceof Coverage policy) || !isPolicy(policy)
				|| PolicyBuilder.openImisStatus(policy) != PolicyStatus.ACTIVE
				|| (oldResource instanceof Coverage old && PolicyBuilder.openImisStatus(old) == PolicyStatus.ACTIVE)) {
			return;
		}
		Optional<String> programme = ProgrammePolicies.programmeOf(policy);
		Optional<Reference> family = ProgrammePolicies.familyOf(policy);
		if (programme.isEmpty() || family.isEmpty()) {
			return;
		}
		List<HeldPolicy> others = ProgrammePolicies.heldByFamily(daos, family.get().getReference(), policy.getIdElement().getIdPart());
		refuseOrApply(programme.get(), rule().admitActivation(programme.get(), others));
	}

	private void refuseOrApply(String programme, PolicyAdmission admission) {
		admission.refusal().ifPresent(refusal -> {
			HeldPolicy other = admission.conflicting().orElseThrow();
			if (refusal == ProgrammeRefusal.SAME_PROGRAMME_ACTIVE) {
				throw ImisRuleException.conflict(ProgrammeViolation.PROGRAMME_POLICY_ACTIVE, programme, "Coverage/" + other.id());
			}
			throw ImisRuleException.conflict(ProgrammeViolation.PROGRAMME_POLICY_BLOCKED, programme, other.programme(), "Coverage/" + other.id());
		});
		for (HeldPolicy idle : admission.toIdle()) {
			Coverage other = daos.getResourceDao(Coverage.class).read(new org.hl7.fhir.r4.model.IdType("Coverage", idle.id()), new SystemRequestDetails());
			PolicyBuilder.setOpenImisStatus(other, PolicyStatus.IDLE);
			other.setStatus(Coverage.CoverageStatus.DRAFT);
			daos.getResourceDao(Coverage.class).update(other, new SystemRequestDetails());
			log.info("Policy Coverage/{} of programme {} set back to idle by a policy of programme {}", idle.id(), idle.programme(), programme);
		}
	}

	private Optional<String> programmeOfProduct(Coverage policy) {
		if (policy.getClass_().isEmpty() || !policy.getClass_().get(0).hasValue()) {
			return Optional.empty();
		}
		InsurancePlan product = products.find(policy.getClass_().get(0).getValue());
		return programmes.namedBy(product).stream().findFirst();
	}

	private ProgrammePolicyRule rule() {
		return new ProgrammePolicyRule(properties.isOnePolicyPerProgramme(), programmes.terms());
	}

	private static boolean isPolicy(Coverage policy) {
		return policy.getMeta().hasProfile(PolicyBuilder.POLICY_PROFILE) && policy.getExtensionByUrl(PolicyBuilder.POLICY_DETAILS) != null;
	}

	private static BigDecimal value(Coverage policy) {
		Extension value = policy.getExtensionByUrl(PolicyBuilder.POLICY_DETAILS).getExtensionByUrl("value");
		return value != null && value.getValue() instanceof Money money ? money.getValue() : null;
	}
}
